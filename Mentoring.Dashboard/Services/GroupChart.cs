using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Indicators;

namespace Mentoring.Dashboard.Services;

/// <summary>A column chart of one indicator group: a series per slice (all / ОУ / УДО / group), a column per indicator.</summary>
public sealed record GroupChart(IndicatorGroup Group, IReadOnlyList<GroupChart.SliceSeries> Series)
{
    /// <param name="Text">The value as the indicator table shows it: a printed percentage as printed («0,001 %»).</param>
    public sealed record Point(string Name, decimal Value, string Text, FigureOrigin Origin);

    public sealed record SliceSeries(string Title, IReadOnlyList<Point> Points);

    private static readonly IndicatorGroup[] Preferred =
        [IndicatorGroup.Forms, IndicatorGroup.StudentMentoring, IndicatorGroup.Documents, IndicatorGroup.RegionalProgramme];

    public static GroupChart? Build(IReadOnlyList<IndicatorFigures> figures)
    {
        foreach (var group in Preferred)
        {
            var points = figures.Where(f => f.Indicator.Group == group && f.Indicator.Kind is IndicatorKind.Share or IndicatorKind.Fact)
                .SelectMany(f => f.Slices.Select(s => (Label: Format.Slice(s), f.Indicator.ShortName, Percent: Shown(s), Slice: s)))
                .Where(p => p.Percent is not null)
                .ToList();
            if (points.Count == 0)
                continue;
            // The value the table shows (a printed 0,001 % stays 0,001 %, not a 0 from rounding), with its origin.
            var series = points.GroupBy(p => p.Label)
                .Select(g => new SliceSeries(g.Key, g.Select(p => new Point(p.ShortName, p.Percent!.Value, FigureText.Headline(p.Slice), p.Slice.Origin)).ToList()))
                .ToList();
            return new GroupChart(group, series);
        }
        return null;
    }

    /// <summary>The percentage the slice shows: as printed where printed, else what its counts give.</summary>
    private static decimal? Shown(SliceFigure slice) => slice.Shown is { } f ? f.Value ?? f.Percent : null;
}
