using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Domain.Indicators;
using Microsoft.AspNetCore.Components;

namespace Mentoring.Dashboard.Components.Pages;

public partial class OrganisationPage
{
    [Inject] public required MonitoringQueries Queries { get; init; }
    [Inject] public required TerritoryGuard Guard { get; init; }
    [Inject] public required Services.Analytics.Recommendations Recommendations { get; init; }
    [Inject] public required Services.Analytics.PeerStandings Peers { get; init; }

    [Parameter] public int Id { get; set; }
    [SupplyParameterFromQuery(Name = "campaign")] public string? CampaignIdQuery { get; set; }
    public int? CampaignId => QueryValue.Int(CampaignIdQuery);

    private OrganisationInfo? organisation;
    private bool denied;
    private IReadOnlyList<CampaignInfo> campaigns = [];
    private CampaignInfo? campaign;
    private IReadOnlyList<IndicatorFigures> figures = [];
    private IReadOnlyList<IndicatorFigures> municipalityFigures = [];
    private HashSet<string> syntheticCodes = [];
    private bool isOwnOrganisation;
    private IReadOnlyList<Services.Analytics.Recommendation> recommendations = [];
    private Services.Analytics.PeerStanding? standing;
    // The organisation's own figures in each round it reported in, oldest first: its history (a round still collecting
    // holds its submitted figures too, marked as such).
    private List<(CampaignInfo Campaign, IReadOnlyList<IndicatorFigures> Figures, HashSet<string> Synthetic)> history = [];

    private IReadOnlyList<Breadcrumbs.Crumb> Crumbs
    {
        get
        {
            var query = campaign is null ? "" : $"?campaign={campaign.Id}";
            return
            [
                new("Регионы", "/"),
                new(organisation!.RegionName, $"regions/{organisation.RegionId}{query}"),
                new(organisation.MunicipalityName, $"municipalities/{organisation.MunicipalityId}{query}"),
                new(organisation.Name),
            ];
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            await LoadAsync();
        }
        catch (TerritoryAccessDeniedException)
        {
            denied = true;
            organisation = null;
        }
    }

    private async Task LoadAsync()
    {
        denied = false;
        organisation = await Queries.GetOrganisationAsync(Id);
        isOwnOrganisation = (await Guard.ScopeAsync()).OrganisationId == Id;
        campaigns = await Queries.GetCampaignsAsync(organisation!.RegionId);
        campaign = CampaignInfo.Pick(campaigns, CampaignId);
        if (campaign is null)
            return;
        figures = await Queries.GetFiguresAsync(campaign.Id, TerritoryRef.Organisation(Id));
        municipalityFigures = await Queries.GetFiguresAsync(campaign.Id, TerritoryRef.Municipality(organisation.MunicipalityId));
        syntheticCodes = (await Queries.GetSyntheticIndicatorCodesAsync(campaign.Id, Id)).ToHashSet();
        recommendations = await Recommendations.GetAsync(TerritoryRef.Organisation(Id), campaign.Id);
        standing = await Peers.GetAsync(campaign.Id, Id);
        history = [];
        foreach (var round in campaigns.OrderBy(c => c.AsOf))
            if (await Queries.GetFiguresAsync(round.Id, TerritoryRef.Organisation(Id)) is { Count: > 0 } own)
                history.Add((round, own, (await Queries.GetSyntheticIndicatorCodesAsync(round.Id, Id)).ToHashSet()));
    }

    /// <summary>The history's rows: every indicator the organisation reported in any closed round, in catalogue order.</summary>
    private IEnumerable<Indicator> HistoryIndicators =>
        IndicatorCatalogue.All.Where(i => history.Any(h => h.Figures.Any(f => f.Indicator.Code == i.Code)));

    private static string HistoryCell(IReadOnlyList<IndicatorFigures> figures, Indicator indicator) =>
        figures.FirstOrDefault(f => f.Indicator.Code == indicator.Code)?.Headline?.Published is { } own
            ? FigureText.Organisation(indicator, own)
            : "—";

    private bool IsSynthetic(IndicatorFigures figure) => syntheticCodes.Contains(figure.Indicator.Code);

    private string? MunicipalityComparison(IndicatorFigures figure)
    {
        var slice = municipalityFigures.FirstOrDefault(f => f.Indicator.Code == figure.Indicator.Code)?.Slices
            .FirstOrDefault(s => s.Kind == organisation!.Kind && s.Group is null);
        if (slice is null)
            return null;
        return $"по муниципалитету ({Format.OrganisationKindShort(organisation!.Kind)}): {FigureText.Value(slice)}";
    }
}
