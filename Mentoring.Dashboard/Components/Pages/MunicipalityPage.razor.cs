using Mentoring.Dashboard.Components.Charts;
using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Domain.Indicators;
using Microsoft.AspNetCore.Components;

namespace Mentoring.Dashboard.Components.Pages;

public partial class MunicipalityPage
{
    [Inject] public required MonitoringQueries Queries { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required Services.Analytics.PlanProgress Progress { get; init; }
    [Inject] public required Services.Intake.CampaignAdministration Campaigns { get; init; }

    // A round still collecting: its figures are partial, and the banner says how far the municipality is.
    private Services.Intake.CampaignOverview? collection;

    [Parameter] public int Id { get; set; }
    [SupplyParameterFromQuery(Name = "campaign")] public string? CampaignIdQuery { get; set; }
    public int? CampaignId => QueryValue.Int(CampaignIdQuery);
    [SupplyParameterFromQuery(Name = "group")] public string? GroupName { get; set; }

    private MunicipalityInfo? municipality;
    private bool denied;
    private TerritoryAccess access;
    private IReadOnlyList<CampaignInfo> campaigns = [];
    private CampaignInfo? campaign;
    private IReadOnlyList<IndicatorFigures> figures = [];
    private IReadOnlyList<IndicatorFigures> regionFigures = [];
    private CampaignInfo? previous;
    private IReadOnlyList<IndicatorFigures> previousFigures = [];
    private List<SliceFigure> keyFigures = [];
    private IReadOnlyList<Services.Analytics.PlanSeries> plans = [];
    private Dictionary<string, string?> ranks = [];
    private IReadOnlyList<OrganisationRow> organisations = [];
    private List<IndicatorGroup> groups = [];
    private IndicatorGroup selectedGroup;
    private List<Indicator> columns = [];
    private ChartSpec? comparisonChart;


    private IReadOnlyList<Breadcrumbs.Crumb> Crumbs =>
    [
        new("Регионы", "/"),
        new(municipality!.RegionName, campaign is null ? $"regions/{municipality.RegionId}" : $"regions/{municipality.RegionId}?campaign={campaign.Id}"),
        new(municipality.Name),
    ];

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            await LoadAsync();
        }
        catch (TerritoryAccessDeniedException)
        {
            denied = true;
            municipality = null;
        }
    }

    private async Task LoadAsync()
    {
        denied = false;
        municipality = await Queries.GetMunicipalityAsync(Id);
        access = await Queries.GetAccessAsync(TerritoryRef.Municipality(Id));
        campaigns = await Queries.GetCampaignsAsync(municipality!.RegionId);
        campaign = CampaignInfo.Pick(campaigns, CampaignId);
        if (campaign is null)
            return;

        // Organisations are listed only for users who may see this municipality in detail.
        organisations = access == TerritoryAccess.Detail
            ? await Queries.GetOrganisationRowsAsync(Id, campaign.Id, IndicatorCatalogue.All.Select(i => i.Code).ToList())
            : [];
        // A round being collected shows what it collects from the start («нет данных» until reported), for each kind of
        // the municipality's organisations: a report fills the cards, the chart and the tables in, it does not build them.
        var collected = campaign.IsCollecting ? await Queries.GetCollectedIndicatorsAsync(municipality.RegionId, campaign.Id) : [];
        var kinds = organisations.Select(o => o.Kind).Distinct().Order().ToList();
        figures = IndicatorFigures.WithPending(await Queries.GetFiguresAsync(campaign.Id, TerritoryRef.Municipality(Id)), collected, kinds);
        previous = CampaignInfo.Previous(campaigns, campaign);
        // An incomplete round (either one) is not compared: the cards say why instead of showing a fall.
        previousFigures = previous is null || CampaignInfo.WhyNotCompared(campaign, previous) is not null ? [] : await Queries.GetFiguresAsync(previous.Id, TerritoryRef.Municipality(Id));
        // «по региону: нет данных» on a card holds the line the region's figure will take.
        regionFigures = IndicatorFigures.WithPending(await Queries.GetFiguresAsync(campaign.Id, TerritoryRef.Region(municipality.RegionId)), collected, kinds);
        keyFigures = KeyFigures.Pick(figures, 8);
        plans = await Progress.GetAsync(municipality.RegionId);
        // The place among the region's municipalities, for users who may compare them (not curators).
        ranks = [];
        if (keyFigures.Count > 0 && await Queries.GetAccessAsync(TerritoryRef.Region(municipality.RegionId)) == TerritoryAccess.Detail)
        {
            var rows = await Queries.GetMunicipalityRowsAsync(municipality.RegionId, campaign.Id, keyFigures.Select(s => s.Indicator.Code).ToList());
            ranks = rows.ToDictionary(r => r.Key, r => CardContext.Rank(r.Value.Select(row => ComparisonRow.From(row)).ToList(), Id));
        }

        collection = campaign.IsCollecting ? await MunicipalCollectionAsync(campaign.Id) : null;

        var reported = organisations.SelectMany(o => o.Figures.Keys).ToHashSet();
        var withOrganisationData = IndicatorCatalogue.All
            .Where(i => reported.Contains(i.Code) || i.ReportedByOrganisations && collected.Any(c => c.Code == i.Code) && organisations.Count > 0)
            .ToList();
        groups = withOrganisationData.Select(i => i.Group).Distinct().ToList();
        selectedGroup = Enum.TryParse<IndicatorGroup>(GroupName, out var g) && groups.Contains(g) ? g : groups.FirstOrDefault();
        columns = withOrganisationData.Where(i => i.Group == selectedGroup).ToList();
        comparisonChart = BuildComparison();
    }

    /// <summary>The municipality's own counts where the user sees its schools; the region's otherwise.</summary>
    private async Task<Services.Intake.CampaignOverview> MunicipalCollectionAsync(int campaignId)
    {
        var region = await Campaigns.GetAsync(campaignId);
        if (access != TerritoryAccess.Detail)
            return region;
        var schools = await Campaigns.OrganisationsAsync(campaignId, Id);
        return region with
        {
            Organisations = schools.Count,
            Submitted = schools.Count(o => o.State == Domain.Monitoring.SubmissionState.Submitted),
            InProgress = schools.Count(o => o.State == Domain.Monitoring.SubmissionState.InProgress),
        };
    }

    private ChartSpec? BuildComparison()
    {
        // A round being collected keeps a pair of columns for each indicator, «нет данных» until reported.
        var collecting = campaign!.IsCollecting;
        var points = figures.Where(f => f.Indicator.Group == selectedGroup && f.Indicator.Kind is IndicatorKind.Share or IndicatorKind.Fact)
            .Select(f => (f.Indicator.ShortName, Own: Measure.Of(f.Total),
                Region: Measure.Of(RegionSlice(f.Total ?? f.Headline ?? f.Slices.FirstOrDefault(s => s.Kind is null && s.Group is null)))))
            .Where(x => collecting
                ? x.Own is null or { IsPercent: true } && x.Region is null or { IsPercent: true }
                : x.Own is { IsPercent: true } && x.Region is { IsPercent: true })
            .ToList();
        return points.Count == 0 ? null : DashboardCharts.MunicipalityAndRegion(
            $"{IndicatorCatalogue.GroupName(selectedGroup)}: муниципалитет и регион, %", municipality!.Name, municipality.RegionName, points, collecting);
    }

    private SliceFigure? RegionSlice(SliceFigure? slice) => IndicatorFigures.Matching(regionFigures, slice);


    private void SelectGroup(IndicatorGroup group) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("group", group.ToString()));
}
