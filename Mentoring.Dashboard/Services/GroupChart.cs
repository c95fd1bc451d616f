using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Indicators;

namespace Mentoring.Dashboard.Services;

/// <summary>A column chart of one indicator group: a series per slice (all / ОУ / УДО / group), a column per indicator.</summary>
public sealed record GroupChart(IndicatorGroup Group, IReadOnlyList<GroupChart.SliceSeries> Series)
{
    /// <summary>The group's indicators of a round being collected that nobody has reported yet: columns «нет данных».</summary>
    public IReadOnlyList<Indicator> Pending { get; init; } = [];

    /// <param name="Text">The value as the indicator table shows it: a printed percentage as printed («0,001 %»).</param>
    public sealed record Point(Indicator Indicator, decimal Value, string Text, FigureOrigin Origin)
    {
        public string Name => Indicator.ShortName;

        /// <summary>The value the table shows (a printed 0,001 % stays 0,001 %, not a 0 from rounding), with its origin.</summary>
        public static Point Of(SliceFigure slice) => new(slice.Indicator, Shown(slice)!.Value, FigureText.Headline(slice), slice.Origin);
    }

    public sealed record SliceSeries(string Title, IReadOnlyList<Point> Points);

    private static readonly IndicatorGroup[] Preferred =
        [IndicatorGroup.Forms, IndicatorGroup.StudentMentoring, IndicatorGroup.Documents, IndicatorGroup.RegionalProgramme];

    public static GroupChart? Build(IReadOnlyList<IndicatorFigures> figures)
    {
        foreach (var group in Preferred)
        {
            var charted = figures.Where(f => f.Indicator.Group == group && Charted(f.Indicator)).ToList();
            // A round being collected charts what it collects from the start, a series for each kind of organisation in
            // its register, so a report fills the chart in.
            var slices = charted.SelectMany(f => f.Slices).Where(s => Shown(s) is not null || s.AwaitingReports).ToList();
            if (slices.Count == 0)
                continue;
            var series = slices.GroupBy(Format.Slice)
                .Select(g => new SliceSeries(g.Key, g.Where(s => Shown(s) is not null).Select(Point.Of).ToList()))
                .ToList();
            return new GroupChart(group, series) { Pending = charted.Where(f => f.IsPending).Select(f => f.Indicator).ToList() };
        }
        return null;
    }

    /// <summary>
    /// A municipality's shares beside its region's, for the first group both have: two series (the municipality, the
    /// region), a column pair per indicator, each value as its table shows it and with its origin. Every pair is of the
    /// slice the group's first key figure shows (schools where those are what was published), named in the legend, so
    /// the chart repeats the key figures' values rather than another measure of the same thing.
    /// </summary>
    public static GroupChart? Compare(IReadOnlyList<IndicatorFigures> own, IReadOnlyList<IndicatorFigures> region, string ownName, string regionName)
    {
        foreach (var group in Preferred)
        {
            var inGroup = own.Where(f => f.Indicator.Group == group && Charted(f.Indicator)).ToList();
            var kind = inGroup.Select(f => f.Headline).OfType<SliceFigure>().FirstOrDefault()?.Kind;
            var pairs = inGroup
                .Select(f => f.Slices.FirstOrDefault(s => s.Kind == kind && s.Group is null))
                .Select(mine => (Own: mine, Region: IndicatorFigures.Matching(region, mine)))
                .Where(p => p.Own is not null && p.Region is not null && Shown(p.Own) is not null && Shown(p.Region) is not null)
                .ToList();
            if (pairs.Count == 0)
                continue;
            var slice = Format.Slice(pairs[0].Own!);
            return new GroupChart(group,
            [
                new SliceSeries($"{ownName}, {slice}", pairs.Select(p => Point.Of(p.Own!)).ToList()),
                new SliceSeries($"{regionName}, {slice}", pairs.Select(p => Point.Of(p.Region!)).ToList()),
            ]);
        }
        return null;
    }

    /// <summary>
    /// A share of organisations or of students: a share of municipalities (Kuzbass's «приступившие в ДО») measures
    /// something else, and beside them would read as the group's best form.
    /// </summary>
    private static bool Charted(Indicator indicator) =>
        indicator.Kind is IndicatorKind.Share or IndicatorKind.Fact && !indicator.CountsMunicipalities;

    /// <summary>The percentage the slice shows: as printed where printed, else what its counts give.</summary>
    private static decimal? Shown(SliceFigure slice) => slice.Shown is { } f ? f.Value ?? f.Percent : null;
}
