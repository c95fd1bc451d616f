using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services.Presentation;

/// <summary>
/// Loads a deck's data for a region or municipality and campaign through the scoped services, so a deck shows only
/// what its viewer may see (a shared link is checked against the viewer, not the author), then composes the slides.
/// </summary>
public sealed class DeckBuilder(MonitoringQueries queries, PlanProgress plans, CampaignDynamics dynamics, Conclusions conclusions, Recommendations recommendations, TerritoryGuard guard)
{
    public async Task<Deck> BuildAsync(TerritoryRef territory, int? campaignId, Speaker speaker, CancellationToken ct = default)
    {
        var isRegion = territory.Level == ObservationLevel.Region;
        if (!isRegion && territory.Level != ObservationLevel.Municipality)
            throw new ArgumentException("A deck is about a region or a municipality.", nameof(territory));
        string name, regionName;
        int regionId;
        if (isRegion)
        {
            var r = await queries.GetRegionAsync(territory.Id, ct);
            // A region whose reports cover one city says so on every slide: «Красноярский край (данные: город Красноярск)».
            (name, regionName, regionId) = (r.Coverage.Length > 0 ? $"{r.Name} ({r.Coverage})" : r.Name, r.Name, territory.Id);
        }
        else
        {
            var m = await queries.GetMunicipalityAsync(territory.Id, ct) ?? throw new TerritoryAccessDeniedException();
            (name, regionName, regionId) = (m.Name, m.RegionName, m.RegionId);
        }
        var campaigns = await queries.GetCampaignsAsync(regionId, ct);
        var campaign = CampaignInfo.Pick(campaigns, campaignId) ?? throw new InvalidOperationException("The region has no campaigns.");
        var inDetail = await queries.GetAccessAsync(territory, ct) == TerritoryAccess.Detail;
        // Who may list the region's municipalities (officials, and municipal heads comparing theirs) sees the ranking.
        var comparesMunicipalities = isRegion ? inDetail : await queries.GetAccessAsync(TerritoryRef.Region(regionId), ct) == TerritoryAccess.Detail;

        var figures = await queries.GetFiguresAsync(campaign.Id, territory, ct);
        var planSeries = isRegion && CampaignInfo.Pick(campaigns, null)?.Id == campaign.Id ? await plans.GetAsync(regionId, ct) : [];
        var report = isRegion ? await dynamics.GetAsync(regionId, CampaignDynamics.PreviousOf(campaigns, campaign.Id)?.Id, campaign.Id, ct) : null;

        // The ranking: the first headline indicator that municipalities report.
        Domain.Indicators.Indicator? rankingIndicator = null;
        IReadOnlyList<ComparisonRow> ranking = [];
        if (comparesMunicipalities)
        {
            var comparable = await queries.GetComparableIndicatorsAsync(regionId, campaign.Id, ct);
            rankingIndicator = KeyFigures.Pick(figures, 8).Select(s => s.Indicator).FirstOrDefault(i => comparable.Contains(i)) ?? comparable.FirstOrDefault();
            if (rankingIndicator is not null)
                ranking = (await queries.GetMunicipalityRowsAsync(regionId, campaign.Id, rankingIndicator.Code, ct)).Select(r => ComparisonRow.From(r)).ToList();
        }

        var sentences = isRegion
            ? await conclusions.ForRegionAsync(regionId, campaign.Id, ct)
            : await conclusions.ForMunicipalityAsync(territory.Id, campaign.Id, ct);
        var addressed = inDetail ? await recommendations.GetAsync(territory, campaign.Id, ct) : null;

        // A municipality's deck marks that municipality on the ranking, wherever it stands; a region's deck marks the
        // viewer's own (a municipal head's), if any. A municipality's deck also sets it beside its region.
        var own = isRegion ? (await guard.ScopeAsync()).MunicipalityId : territory.Id;
        // Not in a round that is incomplete: a municipality that reported less would read as lagging its region. Nor
        // where the region's data are the municipality's own (Krasnoyarsk's report is of the city): no yardstick.
        var region = isRegion || campaign.IsIncomplete || (await queries.GetRegionAsync(regionId, ct)).CoveredMunicipalities.SequenceEqual([name]) ? null
            : new RegionBeside(regionName, await queries.GetFiguresAsync(campaign.Id, TerritoryRef.Region(regionId), ct));
        // Its schools, for who may see them (officials, its head): the organisations with the fewest forms.
        var schools = !isRegion && inDetail
            ? SchoolForms.Build(await queries.GetOrganisationRowsAsync(territory.Id, campaign.Id, SchoolForms.Codes, ct), campaign.IsIncomplete)
            : null;
        var data = new DeckData(name, speaker, campaign, figures, planSeries, report, rankingIndicator, ranking, sentences, addressed, own, region, schools);
        return new Deck(name, campaign, DeckComposer.Compose(data));
    }
}
