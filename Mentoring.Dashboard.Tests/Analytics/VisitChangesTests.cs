using System.Security.Claims;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;
using static Mentoring.Dashboard.Tests.Intake.IntakeTestData;

namespace Mentoring.Dashboard.Tests.Analytics;

/// <summary>«Что изменилось»: since the user's last visit, the reports that arrived, the figures that moved, the ranking.</summary>
public abstract class VisitChangesTests(SeededDatabase database)
{
    [Fact]
    public async Task AReportArriving_IsListedWithTheFiguresItChanged_AndTheNextVisitSaysNothingChanged()
    {
        var (campaign, region, city) = await CollectingCampaignAsync(database);
        var school = await database.OrganisationIdAsync("СШ № 50", City);
        var official = await UserAsync(Roles.RegionalOfficial, region);

        Assert.Null(await VisitAsync(official, region)); // the first visit has nothing to compare with
        Assert.True((await VisitAsync(official, region))!.IsEmpty);

        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await curator.GetAsync(campaign, school);
        Assert.IsType<SaveOutcome.Saved>(await curator.SubmitAsync(campaign, school, Complete(form.Indicators), form.Version));
        var changes = (await VisitAsync(official, region))!;

        var arrival = Assert.Single(changes.Arrivals);
        Assert.Equal(("СШ № 50", City, "Мониторинг ЦМН (тест)"), (arrival.Organisation, arrival.Municipality, arrival.Campaign));
        // Every figure of the round appeared, each with the text the region page shows.
        var shown = await database.Queries.GetFiguresAsync(campaign, TerritoryRef.Region(region));
        Assert.Equal(shown.Sum(f => f.Slices.Count), changes.Figures.Count);
        var mentors = changes.Figures.Single(f => f.Indicator == "Педагоги-наставники" && f.Slice == "все ОО");
        Assert.Equal((Format.NoData, "2 чел."), (mentors.Before, mentors.After));
        Assert.StartsWith("Мониторинг ЦМН (тест) (", mentors.Campaign);
        Assert.Empty(changes.Moves); // Krasnoyarsk's reports cover one city: no ranking to move in

        Assert.True((await VisitAsync(official, region))!.IsEmpty);
    }

    [Fact]
    public async Task ACorrectedMunicipalFigure_MovesTheMunicipalityInTheRanking_AndOnlyItsOwnHeadSeesItsReports()
    {
        var region = await database.RegionIdAsync("krasnodar");
        var sochi = await database.MunicipalityIdAsync("город Сочи");
        var official = await UserAsync(Roles.RegionalOfficial, region);
        await VisitAsync(official, region);

        // Сочи's published «учитель-учитель» in schools corrected from 70 to 20 (of 77 schools in the register).
        await using (var db = await database.Factory.CreateDbContextAsync())
            Assert.Equal(1, await db.Observations.Where(o => o.MunicipalityId == sochi && o.Level == ObservationLevel.Municipality
                    && o.IndicatorCode == IndicatorCatalogue.FormTeacherTeacher && o.OrganisationKind == Mentoring.Domain.Territories.OrganisationKind.School)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Numerator, 20m)));
        var changes = (await VisitAsync(official, region))!;

        var rows = (await database.Queries.GetMunicipalityRowsAsync(region, (await LatestClosedAsync(region)).Id, IndicatorCatalogue.FormTeacherTeacher))
            .Select(r => ComparisonRow.From(r)).ToList();
        var expected = rows.Count(r => r.Value > 20m / 77 * 100) + 1;
        var move = changes.Moves.Single(m => m.Municipality == "город Сочи");
        Assert.Equal((1, expected), (move.Before, move.After)); // it shared the first place at 90,9 %
        Assert.Equal("FORM_TT", changes.RankingIndicator);
        Assert.All(changes.Moves.Where(m => m != move), m => Assert.Equal(m.Before - 1, m.After)); // the rest move up past it
        Assert.Empty(changes.Figures); // the region's own published figures did not change
        Assert.Empty(changes.Arrivals);
    }

    [Fact]
    public async Task AHeadsAndACuratorsPages_SayWhatChangedInTheirTerritory_AndARoundClosedIncompleteIsNamedFirst()
    {
        var (campaign, region, city) = await CollectingCampaignAsync(database);
        var school = await database.OrganisationIdAsync("СШ № 50", City);
        var other = await database.OrganisationIdAsync("СШ № 32", City);
        var head = await UserAsync(Roles.MunicipalHead, region, city);
        var curator = await UserAsync(Roles.Curator, region, city, other);
        await VisitAsync(head, TerritoryRef.Municipality(city));
        await VisitAsync(curator, TerritoryRef.Organisation(other));

        var reports = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await reports.GetAsync(campaign, school);
        Assert.IsType<SaveOutcome.Saved>(await reports.SubmitAsync(campaign, school, Complete(form.Indicators), form.Version));
        Assert.Null(await database.CampaignsAs(Admin).CloseAsync(campaign));

        // The head: the school's report in their city, the city's figures, and the round closed with 1 of 127 reports.
        var forHead = (await VisitAsync(head, TerritoryRef.Municipality(city)))!;
        Assert.Equal("СШ № 50", Assert.Single(forHead.Arrivals).Organisation);
        var closed = Assert.Single(forHead.Rounds);
        Assert.Equal(("идёт сбор", "закрыт неполным: сдали 1 из 127 организаций"), (closed.Before, closed.After));
        Assert.Contains(forHead.Figures, f => f.Indicator == "Педагоги-наставники" && f.After.StartsWith("2 чел.", StringComparison.Ordinal));
        Assert.Empty(forHead.Moves); // a municipality's page has no ranking of its own

        // The curator of another school: their school's page changed in nothing but the round's state.
        var forCurator = (await VisitAsync(curator, TerritoryRef.Organisation(other)))!;
        Assert.Empty(forCurator.Arrivals);
        Assert.Empty(forCurator.Figures);
        Assert.Equal("закрыт неполным: сдали 1 из 127 организаций", Assert.Single(forCurator.Rounds).After);
    }

    [Fact]
    public async Task SinceADate_ComparesWithTheVisitOfThatDay_WhileTheLastVisitStaysTheDefault()
    {
        var (campaign, region, city) = await CollectingCampaignAsync(database);
        var official = await UserAsync(Roles.RegionalOfficial, region);
        var title = $"Мониторинг ЦМН (тест) ({Format.Date((await database.CampaignsAs(Admin).GetAsync(campaign)).AsOf)})";
        string? Mentors(ChangesSinceVisit changes) => changes.Figures
            .Where(f => f.Campaign == title && f.Indicator == "Педагоги-наставники" && f.Slice == "все ОО").Select(f => $"{f.Before} → {f.After}").SingleOrDefault();
        // The visits' days come from this clock (the reports' times from the real one, so arrivals are not compared here).
        var clock = new Data.ManualClock { Now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero) };
        await VisitAsync(official, TerritoryRef.Region(region), clock); // 1 December: nothing reported

        await SubmitAsync(campaign, region, city, "СШ № 50");
        clock.Now = clock.Now.AddDays(2);
        Assert.Equal($"{Format.NoData} → 2 чел.", Mentors((await VisitAsync(official, TerritoryRef.Region(region), clock))!)); // 3 December
        await SubmitAsync(campaign, region, city, "СШ № 32");
        clock.Now = clock.Now.AddDays(2);

        var service = Visits(official, clock);
        var sinceFirst = (await service.SinceAsync(TerritoryRef.Region(region), new DateOnly(2026, 12, 2)))!; // the visit of 1 December
        Assert.Equal((new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), $"{Format.NoData} → 4 чел."), (sinceFirst.Since, Mentors(sinceFirst)));
        Assert.Null(await service.SinceAsync(TerritoryRef.Region(region), new DateOnly(2026, 11, 30))); // no visit by then
        Assert.Equal(new DateOnly(2026, 12, 1), await service.FirstVisitAsync(TerritoryRef.Region(region)));
        Assert.Equal("2 чел. → 4 чел.", Mentors((await VisitAsync(official, TerritoryRef.Region(region), clock))!)); // 5 December, against 3 December

        // Visits older than 60 days are removed as the next one is recorded.
        clock.Now = clock.Now.AddDays(70);
        await VisitAsync(official, TerritoryRef.Region(region), clock);
        Assert.Equal(new DateOnly(2027, 2, 13), await service.FirstVisitAsync(TerritoryRef.Region(region)));
    }

    [Fact]
    public void TheBiggestChanges_ComeFirst_FiguresThatOnlyAppearedAreCounted()
    {
        ChangedFigure Figure(string name, decimal? size) => new("Мониторинг", name, "все ОО", "1", "2", Size: size);
        var changes = new ChangesSinceVisit(DateTimeOffset.UnixEpoch,
            [Figure("a", 1), Figure("new", null), Figure("b", 12), Figure("c", 3), Figure("d", 0.5m), Figure("e", 7), Figure("f", 2), Figure("gone", null)], [], null, []);

        Assert.Equal(["b", "e", "c", "f", "a"], changes.BiggestFigures.Select(f => f.Indicator));
        Assert.Equal(2, changes.AppearedOrGone);
    }

    private async Task SubmitAsync(int campaign, int region, int city, string schoolName)
    {
        var school = await database.OrganisationIdAsync(schoolName, City);
        var reports = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await reports.GetAsync(campaign, school);
        Assert.IsType<SaveOutcome.Saved>(await reports.SubmitAsync(campaign, school, Complete(form.Indicators), form.Version));
    }

    private async Task<CampaignInfo> LatestClosedAsync(int region) => CampaignInfo.Pick(await database.Queries.GetCampaignsAsync(region), null)!;

    private VisitChanges Visits(ClaimsPrincipal user, TimeProvider? clock = null) =>
        new(database.ScopedAs(user), database.QueriesAs(user), database.GuardAs(user), new FixedUser(user), clock ?? TimeProvider.System);

    private Task<ChangesSinceVisit?> VisitAsync(ClaimsPrincipal user, int region) => VisitAsync(user, TerritoryRef.Region(region));

    private Task<ChangesSinceVisit?> VisitAsync(ClaimsPrincipal user, TerritoryRef territory, TimeProvider? clock = null) =>
        Visits(user, clock).RecordVisitAsync(territory);

    /// <summary>A real account (visits belong to one), signed in with its role and territory.</summary>
    private async Task<ClaimsPrincipal> UserAsync(string role, int region, int? municipality = null, int? organisation = null)
    {
        var user = new ApplicationUser { UserName = $"visit-{Guid.NewGuid():N}@test", DisplayName = role, RegionId = region };
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
        var principal = TestUsers.For(role, region, municipality, organisation);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        return principal;
    }
}

public sealed class VisitChangesOnSqlite(SqliteSeededDatabase database) : VisitChangesTests(database), IClassFixture<SqliteSeededDatabase>;

public sealed class VisitChangesOnPostgreSql(PostgreSqlSeededDatabase database) : VisitChangesTests(database), IClassFixture<PostgreSqlSeededDatabase>;
