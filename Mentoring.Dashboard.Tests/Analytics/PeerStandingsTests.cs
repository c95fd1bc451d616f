using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Tests.Analytics;

/// <summary>A school's place among its municipality's schools, as its curator sees it: checked against the schools' own figures.</summary>
[Collection(SqliteDatabaseCollection.Name)]
public class PeerStandingsTests(SqliteSeededDatabase database)
{
    [Fact]
    public async Task ACuratorSeesTheirSchoolsPlace_AmongTheMunicipalitysSchools_ByTheSchoolsOwnFigures()
    {
        var region = await database.RegionIdAsync("krasnoyarsk");
        var city = await database.MunicipalityIdAsync("город Красноярск");
        var school = await database.OrganisationIdAsync("СШ № 50", "город Красноярск");
        var campaign = await database.CampaignIdAsync("krasnoyarsk", new DateOnly(2023, 5, 15));
        var curator = TestUsers.For(Roles.Curator, region, city, school);

        var standing = await new PeerStandings(database.ScopedAs(curator), database.GuardAs(curator)).GetAsync(campaign, school);

        // The same places from the schools' rows an administrator reads (1 + the schools with a higher share).
        var rows = (await database.Queries.GetOrganisationRowsAsync(city, campaign, [IndicatorCatalogue.YoungTeachersMentees]))
            .Where(r => r.Kind == OrganisationKind.School && r.Figures.ContainsKey(IndicatorCatalogue.YoungTeachersMentees)).ToList();
        decimal Share(Mentoring.Dashboard.Services.OrganisationRow r) => r.Figures[IndicatorCatalogue.YoungTeachersMentees].Percent!.Value;
        var own = Share(rows.Single(r => r.Id == school));
        var young = Assert.Single(standing!.Places, p => p.What == "Молодые педагоги в программах");
        Assert.Equal((rows.Count(r => Share(r) > own) + 1, rows.Count), (young.Place, young.Ranked));
        Assert.Equal("77,8\u00A0% (7 из 9)", young.OwnText);
        Assert.Equal(OrganisationKind.School, standing.Kind);
        Assert.Equal(rows.Count, standing.Peers - (await database.Queries.GetOrganisationRowsAsync(city, campaign, [IndicatorCatalogue.YoungTeachersMentees]))
            .Count(r => r.Kind == OrganisationKind.School && !r.Figures.ContainsKey(IndicatorCatalogue.YoungTeachersMentees)));
    }

    [Fact]
    public async Task ACuratorOfAnotherSchool_IsRefused()
    {
        var region = await database.RegionIdAsync("krasnoyarsk");
        var city = await database.MunicipalityIdAsync("город Красноярск");
        var school = await database.OrganisationIdAsync("СШ № 50", "город Красноярск");
        var other = await database.OrganisationIdAsync("СШ № 32", "город Красноярск");
        var campaign = await database.CampaignIdAsync("krasnoyarsk", new DateOnly(2023, 5, 15));
        var curator = TestUsers.For(Roles.Curator, region, city, school);

        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() =>
            new PeerStandings(database.ScopedAs(curator), database.GuardAs(curator)).GetAsync(campaign, other));
    }
}
