using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Indicators;

namespace Mentoring.Dashboard.Services.Analytics;

/// <summary>One indicator's value for a territory in each closed round, oldest first: the trend chart's data.</summary>
public sealed record IndicatorTrend(Indicator Indicator, string SliceLabel, bool IsPercent, IReadOnlyList<IndicatorTrend.Point> Points)
{
    public sealed record Point(CampaignInfo Campaign, decimal Value, string Text, FigureOrigin Origin)
    {
        public bool IsSynthetic => Origin.IsGenerated();
    }

    /// <summary>
    /// The trends of every indicator measured in at least two rounds. Each follows one slice (the headline slice of the
    /// latest round that has the indicator) through the rounds, and only rounds whose figure compares with it
    /// (a percentage with percentages, a count with counts).
    /// </summary>
    public static IReadOnlyList<IndicatorTrend> All(IReadOnlyList<(CampaignInfo Campaign, IReadOnlyList<IndicatorFigures> Figures)> rounds)
    {
        var ordered = rounds.OrderBy(r => r.Campaign.AsOf).ToList();
        return IndicatorCatalogue.All
            .Select(indicator => Of(indicator, ordered))
            .OfType<IndicatorTrend>()
            .ToList();
    }

    private static IndicatorTrend? Of(Indicator indicator, IReadOnlyList<(CampaignInfo Campaign, IReadOnlyList<IndicatorFigures> Figures)> rounds)
    {
        var latest = rounds.Select(r => r.Figures.FirstOrDefault(f => f.Indicator.Code == indicator.Code)?.Headline).LastOrDefault(s => s is not null);
        if (latest is null || Measure.Of(latest) is not { } reference)
            return null;
        var points = rounds
            .Select(r => (r.Campaign, Slice: IndicatorFigures.Matching(r.Figures, latest)))
            .Select(r => (r.Campaign, r.Slice, Measure: Measure.Of(r.Slice)))
            .Where(r => r.Measure is not null && r.Measure.IsComparableWith(reference))
            .Select(r => new Point(r.Campaign, r.Measure!.Value, r.Measure.Text, r.Measure.Origin))
            .ToList();
        return points.Count >= 2 ? new IndicatorTrend(indicator, Format.Slice(latest), reference.IsPercent, points) : null;
    }
}
