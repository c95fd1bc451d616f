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

    private async Task<CampaignInfo> LatestClosedAsync(int region) => CampaignInfo.Pick(await database.Queries.GetCampaignsAsync(region), null)!;

    private async Task<ChangesSinceVisit?> VisitAsync(ClaimsPrincipal user, int region) =>
        await new VisitChanges(database.ScopedAs(user), database.QueriesAs(user), database.GuardAs(user), new FixedUser(user), TimeProvider.System)
            .RecordVisitAsync(region);

    /// <summary>A real account (visits belong to one), signed in with its role and territory.</summary>
    private async Task<ClaimsPrincipal> UserAsync(string role, int region)
    {
        var user = new ApplicationUser { UserName = $"visit-{Guid.NewGuid():N}@test", DisplayName = role, RegionId = region };
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
        var principal = TestUsers.For(role, region);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        return principal;
    }
}

public sealed class VisitChangesOnSqlite(SqliteSeededDatabase database) : VisitChangesTests(database), IClassFixture<SqliteSeededDatabase>;

public sealed class VisitChangesOnPostgreSql(PostgreSqlSeededDatabase database) : VisitChangesTests(database), IClassFixture<PostgreSqlSeededDatabase>;
