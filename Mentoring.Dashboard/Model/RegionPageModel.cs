using Mentoring.Dashboard.Components.Charts;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Model;

/// <summary>The region page's state as its URL gives it: the round, the indicators chosen, the slicers, the clicked municipality.</summary>
public sealed record RegionPageQuery(int RegionId, int? CampaignId = null, string? IndicatorCode = null, string? TrendCode = null,
    string? KindName = null, string? GroupName = null, int? FocusId = null);

/// <summary>
/// Everything the region page shows for one <see cref="RegionPageQuery"/> and one user scope, computed once and shared
/// by every circuit showing that state (<see cref="RegionPageModels"/>). Immutable: circuits only render it.
/// </summary>
public sealed class RegionPageModel
{
    public required RegionSummary Region { get; init; }
    /// <summary>Null when the region has no round the user may see.</summary>
    public CampaignInfo? Campaign { get; init; }
    public IReadOnlyList<IndicatorFigures> Figures { get; init; } = [];
    public IReadOnlyList<SliceFigure> KeyFigures { get; init; } = [];
    public int? OwnMunicipality { get; init; }
    public CampaignInfo? Previous { get; init; }
    public IReadOnlyList<IndicatorFigures> PreviousFigures { get; init; } = [];
    public IReadOnlyList<PlanSeries> Plans { get; init; } = [];
    /// <summary>Null for users who may not compare the region's municipalities (curators).</summary>
    public IReadOnlyList<MunicipalityBehindTarget>? Lagging { get; init; }
    public IReadOnlyList<IndicatorTrend> Trends { get; init; } = [];
    public IndicatorTrend? SelectedTrend { get; init; }
    public ChartSpec? TrendChart { get; init; }
    // Built once per model, so a re-render that changes nothing sends nothing to the browser's chart.
    public ChartSpec? GroupChart { get; init; }
    public IReadOnlyList<Indicator> Comparable { get; init; } = [];
    public Indicator? SelectedIndicator { get; init; }
    public IReadOnlyList<OrganisationKind> Kinds { get; init; } = [];
    public IReadOnlyList<MunicipalityGroup> Groups { get; init; } = [];
    public OrganisationKind? Kind { get; init; }
    public MunicipalityGroup? Group { get; init; }
    public IReadOnlyList<ComparisonRow> Rows { get; init; } = [];
    public ComparisonRow? Focus { get; init; }
    public ChartSpec? RankingChart { get; init; }
    /// <summary>Null for users who may not see the region in detail.</summary>
    public IReadOnlyList<QualityWarning>? QualityWarnings { get; init; }
    public CampaignOverview? Collection { get; init; }
    public bool CollectionDetail { get; init; }

    public string ValueTitle => ComparisonRow.ValueTitle(Rows);
}

/// <summary>
/// Builds <see cref="RegionPageModel"/>s through the signed-in user's services and shares each between the circuits of
/// users with the same scope, until the region next changes (<see cref="Services.Live.SharedFigures"/>): after a
/// submission the fifty officials watching a region cost one computation, not fifty. The scope is part of the key, so
/// a model is only ever handed to users for whom the same queries would return the same figures.
/// </summary>
public sealed class RegionPageModels(
    MonitoringQueries queries, TerritoryGuard guard, PlanProgress progress, TargetOutlook outlook, DataQuality quality,
    CampaignAdministration campaigns, UserClock clock, Services.Live.SharedFigures shared)
{
    public async Task<RegionPageModel> GetAsync(RegionPageQuery query)
    {
        var scope = await guard.ScopeAsync();
        // The day is in the key: a round's deadline turns «прошёл» at midnight without any change to the data.
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        return await shared.GetForRegionAsync(query.RegionId, ("region-page", scope, query, today), () => LoadAsync(query, scope));
    }

    private async Task<RegionPageModel> LoadAsync(RegionPageQuery query, UserScope scope)
    {
        var id = query.RegionId;
        var region = await queries.GetRegionAsync(id);
        var campaign = CampaignInfo.Pick(region.Campaigns, query.CampaignId);
        if (campaign is null)
            return new RegionPageModel { Region = region, OwnMunicipality = scope.MunicipalityId };

        // The comparison of municipalities and the register's kinds are for users who may see the region in detail (not curators).
        var inDetail = await queries.GetAccessAsync(TerritoryRef.Region(id)) == TerritoryAccess.Detail;
        // A round being collected shows what it collects from the start («нет данных» until reported), for each kind of
        // organisation in the register: a report fills the cards, the charts and the table in rather than building them
        // under the reader.
        var collected = campaign.IsCollecting ? await queries.GetCollectedIndicatorsAsync(id, campaign.Id) : [];
        var registeredKinds = campaign.IsCollecting && inDetail ? await queries.GetRegisteredKindsAsync(id, campaign.Id) : [];
        var figures = IndicatorFigures.WithPending(await queries.GetFiguresAsync(campaign.Id, TerritoryRef.Region(id)), collected, registeredKinds);
        var plans = await progress.GetAsync(id);
        var (trends, selectedTrend) = await TrendsAsync(region, campaign, figures, query.TrendCode);

        var comparable = inDetail ? await queries.GetComparableIndicatorsAsync(id, campaign.Id) : [];
        var selectedIndicator = comparable.FirstOrDefault(i => i.Code == query.IndicatorCode) ?? comparable.FirstOrDefault();
        var municipalities = await MunicipalitiesAsync(query, campaign, selectedIndicator, scope.MunicipalityId, registeredKinds);

        // The cards: the region's, or the clicked municipality's next to the region's; a kind's slice under its slicer.
        var cardTerritory = municipalities.Focus is null ? TerritoryRef.Region(id) : TerritoryRef.Municipality(municipalities.Focus.Id);
        var cardFigures = municipalities.Focus is null ? figures : IndicatorFigures.WithPending(await queries.GetFiguresAsync(campaign.Id, cardTerritory), collected, registeredKinds);
        var previous = CampaignInfo.Previous(region.Campaigns, campaign);
        // An incomplete round (either one) is not compared: the cards say why instead of showing a fall.
        var previousFigures = previous is null || CampaignInfo.WhyNotCompared(campaign, previous) is not null
            ? [] : await queries.GetFiguresAsync(previous.Id, cardTerritory);

        return new RegionPageModel
        {
            Region = region,
            Campaign = campaign,
            Figures = figures,
            KeyFigures = Services.KeyFigures.Pick(cardFigures, 8, municipalities.Kind),
            OwnMunicipality = scope.MunicipalityId,
            Previous = previous,
            PreviousFigures = previousFigures,
            Plans = plans,
            Lagging = inDetail ? await outlook.LaggingAsync(id, plans, take: 5) : null,
            Trends = trends,
            SelectedTrend = selectedTrend,
            TrendChart = selectedTrend is null ? null : DashboardCharts.Trend(selectedTrend),
            GroupChart = Services.GroupChart.Build(figures) is { } group ? DashboardCharts.Group(group) : null,
            Comparable = comparable,
            SelectedIndicator = selectedIndicator,
            Kinds = municipalities.Kinds,
            Groups = municipalities.Groups,
            Kind = municipalities.Kind,
            Group = municipalities.Group,
            Rows = municipalities.Rows,
            Focus = municipalities.Focus,
            RankingChart = municipalities.Chart,
            QualityWarnings = inDetail ? await quality.GetAsync(id, campaign.Id) : null,
            Collection = campaign.IsCollecting ? await campaigns.GetAsync(campaign.Id) : null,
            CollectionDetail = inDetail,
        };
    }

    private sealed record MunicipalityView(IReadOnlyList<OrganisationKind> Kinds, IReadOnlyList<MunicipalityGroup> Groups,
        OrganisationKind? Kind, MunicipalityGroup? Group, IReadOnlyList<ComparisonRow> Rows, ComparisonRow? Focus, ChartSpec? Chart);

    /// <summary>
    /// The municipalities of the selected indicator under the slicers (kind of organisation, group of municipalities),
    /// and the one clicked in the ranking. Each filter is a query parameter, so each state has its own URL.
    /// </summary>
    /// <param name="registeredKinds">A round being collected: the register's kinds of organisation, offered by the slicer from the start.</param>
    private async Task<MunicipalityView> MunicipalitiesAsync(RegionPageQuery query, CampaignInfo campaign, Indicator? indicator, int? ownMunicipality,
        IReadOnlyList<OrganisationKind> registeredKinds)
    {
        if (indicator is null)
            return new MunicipalityView([], [], null, null, [], null, null);
        var municipalityRows = await queries.GetMunicipalityRowsAsync(query.RegionId, campaign.Id, indicator.Code);
        // A round being collected offers every kind of the register from the start: the slicer does not appear (and push
        // the page down) when a second kind first reports.
        var kinds = campaign.IsCollecting
            ? registeredKinds
            : municipalityRows.SelectMany(r => r.Figures.Slices).Where(s => s.Kind is not null && s.Group is null)
                .Select(s => s.Kind!.Value).Distinct().Order().ToList();
        var groups = municipalityRows.Select(r => Municipality.GroupOf(r.Kind)).Distinct().Order().ToList();
        OrganisationKind? kind = Enum.TryParse<OrganisationKind>(query.KindName, out var k) && kinds.Count > 1 && kinds.Contains(k) ? k : null;
        MunicipalityGroup? group = Enum.TryParse<MunicipalityGroup>(query.GroupName, out var g) && groups.Count > 1 && groups.Contains(g) ? g : null;
        var rows = municipalityRows.Select(r => ComparisonRow.From(r, kind)).Where(r => group is null || r.Group == group).ToList();
        var focus = rows.FirstOrDefault(r => r.Id == query.FocusId);
        var chart = rows.Any(r => r.Value is not null) || campaign.IsCollecting && rows.Count > 0
            ? DashboardCharts.MunicipalityRanking(rows, indicator, [ownMunicipality, focus?.Id], withUnreported: campaign.IsCollecting)
            : null;
        return new MunicipalityView(kinds, groups, kind, group, rows, focus, chart);
    }

    /// <summary>Every indicator measured in two or more closed rounds; the chart follows the one asked for, else the first.</summary>
    private async Task<(IReadOnlyList<IndicatorTrend> All, IndicatorTrend? Selected)> TrendsAsync(
        RegionSummary region, CampaignInfo campaign, IReadOnlyList<IndicatorFigures> figures, string? trendCode)
    {
        var rounds = new List<(CampaignInfo, IReadOnlyList<IndicatorFigures>)>();
        foreach (var closed in region.Campaigns.Where(c => c.State == Domain.Monitoring.CampaignState.Closed))
            rounds.Add((closed, closed.Id == campaign.Id ? figures : await queries.GetFiguresAsync(closed.Id, TerritoryRef.Region(region.Id))));
        var trends = IndicatorTrend.All(rounds);
        return (trends, trends.FirstOrDefault(t => t.Indicator.Code == trendCode) ?? trends.FirstOrDefault());
    }
}
