using Mentoring.Dashboard.Security;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Planning;
using Mentoring.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Analytics;

/// <summary>A region's fact of an indicator in one campaign.</summary>
/// <param name="IsPartial">Its round closed with reports missing.</param>
public sealed record FactPoint(int CampaignId, DateOnly AsOf, decimal Value, bool IsSynthetic, bool IsPartial = false)
{
    public Domain.Monitoring.FigureOrigin Origin =>
        (IsSynthetic ? Domain.Monitoring.FigureOrigin.Generated : 0) | (IsPartial ? Domain.Monitoring.FigureOrigin.Partial : 0);
}

/// <summary>One planned indicator of a region: its yearly plan, its facts, and where it stands.</summary>
public sealed record PlanSeries(
    Indicator Indicator,
    OrganisationKind? Kind,
    IReadOnlyList<(int Year, decimal Target)> Plan,
    IReadOnlyList<FactPoint> Facts,
    ProgressAssessment Assessment,
    string PlanSource,
    DateOnly? FinalDueBy = null)
{
    public FactPoint? Latest => Facts.Count > 0 ? Facts[^1] : null;
    public (int Year, decimal Target) FinalTarget => Plan.MaxBy(p => p.Year);

    /// <summary>The plan of the latest fact's year, if the plan has that year.</summary>
    public decimal? PlanOfLatestYear => Latest is { } l && Plan.Any(p => p.Year == l.AsOf.Year) ? Plan.First(p => p.Year == l.AsOf.Year).Target : null;

    public bool? LatestMeetsPlan => Latest is { } l && PlanOfLatestYear is { } p ? (Indicator.HigherIsBetter ? l.Value >= p : l.Value <= p) : null;

    public decimal? GapToTarget => Assessment.Forecast is { } f ? FinalTarget.Target - f : null;

    /// <summary>The latest fact as a share of the plan of its year («Выполнение»: 94 %); fewer is better turns it round.</summary>
    public decimal? Fulfilment => Latest is { } l && PlanOfLatestYear is { } p && p != 0 && l.Value != 0
        ? (Indicator.HigherIsBetter ? l.Value / p : p / l.Value) * 100
        : null;

    public bool IsPercent => Indicator.Kind != IndicatorKind.Count;

    /// <summary>
    /// «Учитель-ученик (все ОО)»: the slice always named («все ОО» too), since a plan of all organisations and a key
    /// figure of schools are different measures (Tomsk: 79,15 % against 80,8 %) said on neighbouring slides. The slides'
    /// plan tables, short of room, say «все ОО, если не указано иное» once in their topic instead.
    /// </summary>
    public string ShortTitle => $"{Indicator.ShortName} ({Format.OrganisationKindShort(Kind)})";
}

/// <summary>Plan values against facts for a region, with the Open SDG progress status. Scoped like every query.</summary>
public sealed class PlanProgress(ScopedDbContextFactory contextFactory, MonitoringQueries queries)
{
    public async Task<IReadOnlyList<PlanSeries>> GetAsync(int regionId, CancellationToken ct = default)
    {
        // Closed rounds only: a round still collecting has the figures of whoever reported so far.
        var campaigns = (await queries.GetCampaignsAsync(regionId, ct)).Where(c => c.State == Domain.Monitoring.CampaignState.Closed).OrderBy(c => c.AsOf).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var plans = await db.PlanValues.AsNoTracking().Where(p => p.RegionId == regionId).ToListAsync(ct);

        var figuresByCampaign = new List<(CampaignInfo Campaign, IReadOnlyList<IndicatorFigures> Figures)>();
        foreach (var campaign in campaigns)
            figuresByCampaign.Add((campaign, await queries.GetFiguresAsync(campaign.Id, TerritoryRef.Region(regionId), ct)));

        return plans.GroupBy(p => (p.IndicatorCode, p.OrganisationKind))
            .Select(g =>
            {
                var indicator = IndicatorCatalogue.Get(g.Key.IndicatorCode);
                var facts = figuresByCampaign
                    .Select(c => Fact(c.Campaign, c.Figures, indicator, g.Key.OrganisationKind))
                    .OfType<FactPoint>()
                    .ToList();
                var plan = g.OrderBy(p => p.Year).Select(p => (p.Year, p.Target)).ToList();
                var final = plan[^1];
                var assessment = ProgressMeasure.Assess(
                    facts.Select(f => new TimedValue(ProgressMeasure.YearOf(f.AsOf), f.Value)).ToList(),
                    final.Target, final.Year, indicator.HigherIsBetter, indicator.Kind == IndicatorKind.Count ? null : 100);
                return new PlanSeries(indicator, g.Key.OrganisationKind, plan, facts, assessment, g.First().Source,
                    g.OrderBy(p => p.Year).Last().DueBy);
            })
            .OrderBy(s => IndicatorCatalogue.All.ToList().FindIndex(i => i.Code == s.Indicator.Code))
            .ToList();
    }

    /// <summary>The region's value in a campaign: the published figure, else what its organisations add up to.</summary>
    private static FactPoint? Fact(CampaignInfo campaign, IReadOnlyList<IndicatorFigures> figures, Indicator indicator, OrganisationKind? kind)
    {
        var slice = figures.FirstOrDefault(f => f.Indicator.Code == indicator.Code)?.Slices.FirstOrDefault(s => s.Kind == kind && s.Group is null);
        if (slice is null)
            return null;
        if (indicator.Kind == IndicatorKind.Count)
            return slice.Shown?.Value is { } count ? new FactPoint(campaign.Id, campaign.AsOf, count, slice.IsShownSynthetic, campaign.IsPartial) : null;
        // The same figure the region page shows: as published, or a published count against the register.
        if (slice.Published is not null && slice.Shown?.Percent is { } published)
            return new FactPoint(campaign.Id, campaign.AsOf, published, slice.IsDenominatorSynthetic, campaign.IsPartial);
        return slice.FromChildren is { HasData: true } children && children.Figure.Percent is { } computed
            ? new FactPoint(campaign.Id, campaign.AsOf, computed, slice.ChildrenAreSynthetic, campaign.IsPartial)
            : null;
    }
}

/// <summary>Russian wording of progress statuses, with a symbol so status is never colour alone.</summary>
public static class ProgressText
{
    public static string Label(ProgressStatus status) => status switch
    {
        ProgressStatus.TargetAchieved => "Цель достигнута",
        ProgressStatus.OnTrack => "Идёт по плану",
        ProgressStatus.AccelerationNeeded => "Прогресс есть, нужно ускорение",
        ProgressStatus.LimitedProgress => "Ограниченный прогресс",
        ProgressStatus.Deterioration => "Ухудшение",
        _ => "Недостаточно данных",
    };

    public static string Symbol(ProgressStatus status) => status switch
    {
        ProgressStatus.TargetAchieved => "✔",
        ProgressStatus.OnTrack => "▲",
        ProgressStatus.AccelerationNeeded => "◆",
        ProgressStatus.LimitedProgress => "▼",
        ProgressStatus.Deterioration => "✖",
        _ => "—",
    };

    /// <summary>"до 2024 года": the last year the plans run to, taken from the plan values, never written into a page.</summary>
    public static string UntilTargetYear(IEnumerable<PlanSeries> series) =>
        series.Select(s => (int?)s.FinalTarget.Year).Max() is { } year ? $"до {year} года" : "";

    /// <summary>When the final target is due, in the source's words: «к 1 января 2024 г.», else «на 2024 год».</summary>
    public static string TargetDate(PlanSeries series) => series.FinalDueBy is { } due
        ? $"к {due.ToString("d MMMM yyyy", Format.Russian)} г."
        : $"на {series.FinalTarget.Year} год";

    public static string CssClass(ProgressStatus status) => "status status--" + status.ToString().ToLowerInvariant();

    /// <summary>A difference between two values of the series: percentage points for shares («8,4 п.п.»), units for counts.</summary>
    public static string Gap(PlanSeries series, decimal gap) =>
        Format.Delta(Math.Abs(gap), series.IsPercent, series.Indicator.Unit).TrimStart('+');

    /// <summary>Plan and fact values keep two decimals, as the programmes publish them ("51,56 %").</summary>
    public static string Value(PlanSeries series, decimal? value) =>
        value is null ? Format.NoData
        : series.IsPercent ? Format.PublishedPercent(Math.Round(value.Value, 2))
        : Format.Number(Math.Round(value.Value)) + " " + series.Indicator.Unit;
}
