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

    [Parameter] public int Id { get; set; }
    [SupplyParameterFromQuery(Name = "campaign")] public int? CampaignId { get; set; }

    private OrganisationInfo? organisation;
    private bool denied;
    private IReadOnlyList<CampaignInfo> campaigns = [];
    private CampaignInfo? campaign;
    private IReadOnlyList<IndicatorFigures> figures = [];
    private IReadOnlyList<IndicatorFigures> municipalityFigures = [];
    private HashSet<string> syntheticCodes = [];
    private bool isOwnOrganisation;

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
    }

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
