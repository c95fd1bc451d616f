using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Domain.Planning;

namespace Mentoring.Dashboard.Services;

/// <summary>
/// What a key figure is read against, in words: the region's value, the territory's place among the region's
/// municipalities (by share, as the ranking table sorts), and the plan.
/// </summary>
public static class CardContext
{
    /// <summary>«по региону: 85 % (−10 п.п.)»; the gap only when the two figures compare (both shares or both counts).</summary>
    public static string? VersusRegion(SliceFigure own, SliceFigure? region)
    {
        if (region is null)
            return null;
        var text = "по региону: " + FigureText.Headline(region);
        return Measure.Of(own) is { } o && Measure.Of(region) is { } r && o.IsComparableWith(r) && o.IsPercent
            ? $"{text} ({o.DeltaText(r)})"
            : text;
    }

    /// <summary>
    /// «место 12 из 44»: one more than the municipalities with a higher value, so equal values share a place; null when
    /// the municipality has no value or the values are not shares.
    /// </summary>
    public static string? Rank(IReadOnlyList<ComparisonRow> rows, int municipalityId) =>
        ComparisonRow.Places(rows) is { Count: >= 2 } places && places.TryGetValue(municipalityId, out var place)
            ? $"место {place} из {places.Count} по доле"
            : null;

    /// <summary>The regional plan series of a slice, if the region has a plan for that indicator and kind of organisation.</summary>
    public static PlanSeries? PlanOf(IReadOnlyList<PlanSeries> plans, SliceFigure slice) =>
        slice.Group is null ? plans.FirstOrDefault(p => p.Indicator.Code == slice.Indicator.Code && p.Kind == slice.Kind) : null;

    /// <summary>
    /// The region's own card: «план на 2022 г.: 100 %, выполнение 78 %» with the plan page's status, only when the card
    /// shows the round the status was assessed on (else the status would describe another figure).
    /// </summary>
    public static (string Text, ProgressStatus Status)? RegionPlan(PlanSeries? series, CampaignInfo campaign)
    {
        if (series?.Latest is not { } latest || latest.CampaignId != campaign.Id)
            return null;
        var text = series.PlanOfLatestYear is { } target
            ? $"план на {latest.AsOf.Year} г.: {ProgressText.Value(series, target)}"
              + (series.Fulfilment is { } f ? $", выполнение {Format.Percent(Math.Round(f))}" : "")
            : $"цель: {ProgressText.Value(series, series.FinalTarget.Target)} {ProgressText.TargetDate(series)}";
        return (text, series.Assessment.Status);
    }

    /// <summary>A municipality against its region's plan for the round's year: «план региона на 2022 г.: 100 % (−25 п.п.)».</summary>
    public static string? MunicipalityPlan(PlanSeries? series, SliceFigure own, CampaignInfo campaign)
    {
        if (series is null || series.Plan.FirstOrDefault(p => p.Year == campaign.AsOf.Year) is not { Target: var target, Year: > 0 })
            return null;
        var text = $"план региона на {campaign.AsOf.Year} г.: {ProgressText.Value(series, target)}";
        return Measure.Of(own) is { } o && o.IsPercent == series.IsPercent
            ? $"{text} ({Format.Delta(o.Value - target, o.IsPercent, series.Indicator.Unit)})"
            : text;
    }
}
