using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Intake;

namespace Mentoring.Dashboard.Model;

/// <summary>A round's collection page: its overview and each municipality's progress, as one user scope sees them.</summary>
public sealed record CampaignPageModel(CampaignOverview Campaign, IReadOnlyList<MunicipalityProgress> Municipalities);

/// <summary>
/// Builds <see cref="CampaignPageModel"/>s through the signed-in user's services and shares each between the circuits
/// of users with the same scope until the round next changes, as <see cref="RegionPageModels"/> does for the region.
/// </summary>
public sealed class CampaignPageModels(CampaignAdministration campaigns, TerritoryGuard guard, UserClock clock, Services.Live.SharedFigures shared)
{
    public async Task<CampaignPageModel> GetAsync(int campaignId)
    {
        var scope = await guard.ScopeAsync();
        // The day is in the key: the deadline turns «прошёл» at midnight without any change to the data.
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        return await shared.GetAsync(campaignId, $"campaign-page:{scope}:{today}",
            async () => new CampaignPageModel(await campaigns.GetAsync(campaignId), await campaigns.ProgressAsync(campaignId)));
    }
}
