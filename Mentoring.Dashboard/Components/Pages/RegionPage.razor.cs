using Mentoring.Domain.Indicators;
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

    [Parameter] public int Id { get; set; }
    [SupplyParameterFromQuery(Name = "campaign")] public int? CampaignId { get; set; }
    [SupplyParameterFromQuery(Name = "indicator")] public string? IndicatorCode { get; set; }

    private RegionSummary? region;
    private CampaignInfo? campaign;
    private bool denied;
    private IReadOnlyList<IndicatorFigures> figures = [];
    private List<SliceFigure> keyFigures = [];
    private int? ownMunicipality;
    private CampaignInfo? previous;
    private IReadOnlyList<IndicatorFigures> previousFigures = [];
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
        keyFigures = KeyFigures.Pick(figures, 8);
        previous = CampaignInfo.PreviousClosed(region.Campaigns, campaign);
        previousFigures = previous is null ? [] : await Queries.GetFiguresAsync(previous.Id, TerritoryRef.Region(Id));
        groupChart = GroupChart.Build(figures) is { } group ? DashboardCharts.Group(group) : null;

        // The comparison of municipalities is for users who may see the region in detail (not curators).
        var inDetail = await Queries.GetAccessAsync(TerritoryRef.Region(Id)) == TerritoryAccess.Detail;
        comparable = inDetail ? await Queries.GetComparableIndicatorsAsync(Id, campaign.Id) : [];
        qualityWarnings = inDetail ? await Quality.GetAsync(Id, campaign.Id) : null;
        collection = campaign.IsCollecting ? await Campaigns.GetAsync(campaign.Id) : null;
        collectionDetail = inDetail;
        selectedIndicator = comparable.FirstOrDefault(i => i.Code == IndicatorCode) ?? comparable.FirstOrDefault();
        rows = [];
        rankingChart = null;
        if (selectedIndicator is not null)
        {
            var municipalityRows = await Queries.GetMunicipalityRowsAsync(Id, campaign.Id, selectedIndicator.Code);
            rows = municipalityRows.Select(ComparisonRow.From).ToList();
            rankingChart = rows.Any(r => r.Value is not null) ? DashboardCharts.MunicipalityRanking(rows, selectedIndicator, ownMunicipality) : null;
        }
    }

    private void SelectIndicator(string code) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("indicator", code));
}
