using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services.Analytics;

/// <summary>
/// A municipality measured against the region's final targets: below the target on <paramref name="Below"/> of the
/// <paramref name="Compared"/> planned shares it has figures for, by <paramref name="MeanGap"/> percentage points on
/// average over those it is below on.
/// </summary>
/// <param name="Origin">The origins of the figures compared, combined: a gap from generated figures is marked as such.</param>
public sealed record MunicipalityBehindTarget(int Id, string Name, int Below, int Compared, decimal MeanGap, FigureOrigin Origin);

/// <summary>
/// «Are we on track for the target year?» beyond the region's own figures: which municipalities stand furthest from the
/// plan's final targets in the round the plan's facts come from. Only shares compare (a municipality's count is not
/// measured against the region's), and only where the user may see municipalities in detail.
/// </summary>
public sealed class TargetOutlook(MonitoringQueries queries, TerritoryGuard guard)
{
    /// <summary>The municipalities furthest behind: most targets missed first, then the largest mean gap.</summary>
    public async Task<IReadOnlyList<MunicipalityBehindTarget>> LaggingAsync(
        int regionId, IReadOnlyList<PlanSeries> plans, int take, CancellationToken ct = default)
    {
        // Asked first, so that a region without plans is refused to a stranger as every other read is.
        await guard.DemandAsync(TerritoryRef.Region(regionId), Security.TerritoryAccessRequirement.Detail, ct);
        var shares = plans.Where(p => p.IsPercent && p.Latest is not null).ToList();
        if (shares.Count == 0)
            return [];
        // The facts' latest round: the round the plan page's «Факт» column shows.
        var campaignId = shares.Select(p => p.Latest!).MaxBy(f => f.AsOf)!.CampaignId;
        var rows = await queries.GetMunicipalityRowsAsync(regionId, campaignId, shares.Select(p => p.Indicator.Code).Distinct().ToList(), ct);

        var gaps = shares.SelectMany(plan => rows[plan.Indicator.Code].Select(row => (row, value: ComparisonRow.From(row, plan.Kind)))
                .Where(x => x.value is { Value: not null, ValueIsPercent: true })
                .Select(x => (x.row.Id, x.row.Name, x.value.Origin,
                    Gap: plan.Indicator.HigherIsBetter ? plan.FinalTarget.Target - x.value.Value!.Value : x.value.Value!.Value - plan.FinalTarget.Target)))
            .ToList();
        return gaps.GroupBy(g => (g.Id, g.Name))
            .Select(m =>
            {
                var behind = m.Where(g => g.Gap > 0).ToList();
                return new MunicipalityBehindTarget(m.Key.Id, m.Key.Name, behind.Count, m.Count(),
                    behind.Count == 0 ? 0 : Math.Round(behind.Average(g => g.Gap), 1),
                    m.Aggregate(FigureOrigin.Published, (origin, g) => origin | g.Origin));
            })
            .Where(m => m.Below > 0)
            .OrderByDescending(m => m.Below).ThenByDescending(m => m.MeanGap).ThenBy(m => m.Name, NaturalOrder.Instance)
            .Take(take)
            .ToList();
    }
}
