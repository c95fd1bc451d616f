using Mentoring.Domain.Indicators;
using Mentoring.Domain.Territories;
using Mentoring.Dashboard.Components.Charts;
using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Analytics;
using Microsoft.AspNetCore.Components;

namespace Mentoring.Dashboard.Components.Pages;

public partial class RegionPage
{
    [Inject] public required MonitoringQueries Queries { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required DataQuality Quality { get; init; }
    [Inject] public required Services.Intake.CampaignAdministration Campaigns { get; init; }
    [Inject] public required TerritoryGuard Guard { get; init; }
    [Inject] public required PlanProgress Progress { get; init; }
    [Inject] public required TargetOutlook Outlook { get; init; }
    [Inject] public required UserClock Clock { get; init; }

    [Parameter] public int Id { get; set; }
    [SupplyParameterFromQuery(Name = "campaign")] public string? CampaignIdQuery { get; set; }
    public int? CampaignId => QueryValue.Int(CampaignIdQuery);
    [SupplyParameterFromQuery(Name = "indicator")] public string? IndicatorCode { get; set; }
    [SupplyParameterFromQuery(Name = "trend")] public string? TrendCode { get; set; }
    [SupplyParameterFromQuery(Name = "kind")] public string? KindName { get; set; }
    [SupplyParameterFromQuery(Name = "group")] public string? GroupName { get; set; }
    [SupplyParameterFromQuery(Name = "focus")] public string? FocusIdQuery { get; set; }
    public int? FocusId => QueryValue.Int(FocusIdQuery);

    private RegionSummary? region;
    private CampaignInfo? campaign;
    private bool denied;
    private IReadOnlyList<IndicatorFigures> figures = [];
    private List<SliceFigure> keyFigures = [];
    private int? ownMunicipality;
    private CampaignInfo? previous;
    private IReadOnlyList<IndicatorFigures> previousFigures = [];
    private IReadOnlyList<PlanSeries> plans = [];
    private IReadOnlyList<MunicipalityBehindTarget>? lagging;
    private IReadOnlyList<IndicatorTrend> trends = [];
    private List<OrganisationKind> kinds = [];
    private List<MunicipalityGroup> groups = [];
    private OrganisationKind? kind;
    private MunicipalityGroup? group;
    private ComparisonRow? focus;
    private IndicatorTrend? selectedTrend;
    private ChartSpec? trendChart;
    private IReadOnlyList<Indicator> comparable = [];
    private Indicator? selectedIndicator;
    private List<ComparisonRow> rows = [];
    private ChartSpec? rankingChart;
    // Built once per load, so a re-render that changes nothing sends nothing to the browser's chart.
    private ChartSpec? groupChart;
    private IReadOnlyList<QualityWarning>? qualityWarnings;
    private Services.Intake.CampaignOverview? collection;
    private bool collectionDetail;

    private IReadOnlyList<Breadcrumbs.Crumb> Crumbs => [new("Регионы", "/"), new(region!.Name)];

    private string ValueTitle => ComparisonRow.ValueTitle(rows);

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            await LoadAsync();
        }
        catch (TerritoryAccessDeniedException)
        {
            denied = true;
            region = null;
        }
    }

    private async Task LoadAsync()
    {
        denied = false;
        region = await Queries.GetRegionAsync(Id);
        ownMunicipality = (await Guard.ScopeAsync()).MunicipalityId;
        campaign = CampaignInfo.Pick(region.Campaigns, CampaignId);
        if (campaign is null)
            return;

        figures = await Queries.GetFiguresAsync(campaign.Id, TerritoryRef.Region(Id));
        previous = CampaignInfo.Previous(region.Campaigns, campaign);
        plans = await Progress.GetAsync(Id);
        await LoadTrendsAsync();
        groupChart = GroupChart.Build(figures) is { } group ? DashboardCharts.Group(group) : null;

        // The comparison of municipalities is for users who may see the region in detail (not curators).
        var inDetail = await Queries.GetAccessAsync(TerritoryRef.Region(Id)) == TerritoryAccess.Detail;
        lagging = inDetail ? await Outlook.LaggingAsync(Id, plans, take: 5) : null;
        comparable = inDetail ? await Queries.GetComparableIndicatorsAsync(Id, campaign.Id) : [];
        qualityWarnings = inDetail ? await Quality.GetAsync(Id, campaign.Id) : null;
        collection = campaign.IsCollecting ? await Campaigns.GetAsync(campaign.Id) : null;
        collectionDetail = inDetail;
        selectedIndicator = comparable.FirstOrDefault(i => i.Code == IndicatorCode) ?? comparable.FirstOrDefault();
        await LoadMunicipalitiesAsync();
        await LoadKeyFiguresAsync();
    }

    /// <summary>
    /// The municipalities of the selected indicator under the slicers (kind of organisation, group of municipalities),
    /// and the one clicked in the ranking. Each filter is a query parameter, so each state has its own URL.
    /// </summary>
    private async Task LoadMunicipalitiesAsync()
    {
        rows = [];
        rankingChart = null;
        kinds = [];
        groups = [];
        (kind, group, focus) = (null, null, null);
        if (selectedIndicator is null)
            return;
        var municipalityRows = await Queries.GetMunicipalityRowsAsync(Id, campaign!.Id, selectedIndicator.Code);
        kinds = municipalityRows.SelectMany(r => r.Figures.Slices).Where(s => s.Kind is not null && s.Group is null)
            .Select(s => s.Kind!.Value).Distinct().Order().ToList();
        groups = municipalityRows.Select(r => Municipality.GroupOf(r.Kind)).Distinct().Order().ToList();
        kind = Enum.TryParse<OrganisationKind>(KindName, out var k) && kinds.Count > 1 && kinds.Contains(k) ? k : null;
        group = Enum.TryParse<MunicipalityGroup>(GroupName, out var g) && groups.Count > 1 && groups.Contains(g) ? g : null;
        rows = municipalityRows.Select(r => ComparisonRow.From(r, kind)).Where(r => group is null || r.Group == group).ToList();
        focus = rows.FirstOrDefault(r => r.Id == FocusId);
        rankingChart = rows.Any(r => r.Value is not null)
            ? DashboardCharts.MunicipalityRanking(rows, selectedIndicator, [ownMunicipality, focus?.Id])
            : null;
    }

    /// <summary>The cards: the region's, or the clicked municipality's next to the region's; a kind's slice under its slicer.</summary>
    private async Task LoadKeyFiguresAsync()
    {
        var territory = focus is null ? TerritoryRef.Region(Id) : TerritoryRef.Municipality(focus.Id);
        var cardFigures = focus is null ? figures : await Queries.GetFiguresAsync(campaign!.Id, territory);
        keyFigures = KeyFigures.Pick(cardFigures, 8, kind);
        // An incomplete round (either one) is not compared: the cards say why instead of showing a fall.
        previousFigures = previous is null || CampaignInfo.WhyNotCompared(campaign!, previous) is not null ? [] : await Queries.GetFiguresAsync(previous.Id, territory);
    }

    private void OnRankingClicked(ChartPoint point)
    {
        if (rows.FirstOrDefault(r => r.Name == point.Category) is { } clicked)
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("focus", clicked.Id == focus?.Id ? null : clicked.Id));
    }

    private void PutInUrl(string name, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name, string.IsNullOrEmpty(value) ? null : value));

    private string WithoutFilter(string name) => Navigation.GetUriWithQueryParameter(name, (string?)null);

    /// <summary>Every indicator measured in two or more closed rounds; the chart follows the one asked for, else the first.</summary>
    private async Task LoadTrendsAsync()
    {
        var rounds = new List<(CampaignInfo, IReadOnlyList<IndicatorFigures>)>();
        foreach (var closed in region!.Campaigns.Where(c => c.State == Domain.Monitoring.CampaignState.Closed))
            rounds.Add((closed, closed.Id == campaign!.Id ? figures : await Queries.GetFiguresAsync(closed.Id, TerritoryRef.Region(Id))));
        trends = IndicatorTrend.All(rounds);
        selectedTrend = trends.FirstOrDefault(t => t.Indicator.Code == TrendCode) ?? trends.FirstOrDefault();
        trendChart = selectedTrend is null ? null : DashboardCharts.Trend(selectedTrend);
    }

    private void SelectTrend(string code) => PutInUrl("trend", code);

    private void SelectIndicator(string code) => PutInUrl("indicator", code);
}
