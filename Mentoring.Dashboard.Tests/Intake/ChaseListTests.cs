using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using static Mentoring.Dashboard.Tests.Intake.IntakeTestData;

namespace Mentoring.Dashboard.Tests.Intake;

/// <summary>«Кто не сдал»: who has not sent their report, with whom to call, and only within the user's territory.</summary>
public class ChaseListTests(SqliteSeededDatabase database) : IClassFixture<SqliteSeededDatabase>
{
    [Fact]
    public async Task TheList_NamesEachSchoolsStateAndCurator_AndTheFilterKeepsTheMissingOnes()
    {
        var (campaign, region, city) = await CollectingCampaignAsync(database);
        var school = await database.OrganisationIdAsync("СШ № 50", City);
        var gymnasium = await database.OrganisationIdAsync("Гимназия № 10", City);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            if (!db.Users.Any(u => u.Email == "chase.curator@test"))
            {
                db.Users.Add(new ApplicationUser { UserName = "chase.curator@test", Email = "chase.curator@test", DisplayName = "Иванова Мария Петровна", OrganisationId = gymnasium });
                await db.SaveChangesAsync();
            }
        }
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await curator.GetAsync(campaign, school);
        Assert.IsType<SaveOutcome.Saved>(await curator.SubmitAsync(campaign, school, Complete(form.Indicators), form.Version));

        var rows = await database.CampaignsAs(Admin).ChaseListAsync(campaign);

        Assert.Equal(127, rows.Count);
        Assert.Equal(126, rows.Count(r => ChaseFilter.Shows(ChaseFilter.Missing, r.State)));
        Assert.Equal((SubmissionState.Submitted, "Curator@test"), (rows.Single(r => r.OrganisationId == school).State, rows.Single(r => r.OrganisationId == school).UpdatedBy));
        var gymnasiumRow = rows.Single(r => r.OrganisationId == gymnasium);
        Assert.Equal((SubmissionState.NotStarted, "Иванова Мария Петровна", "chase.curator@test"),
            (gymnasiumRow.State, gymnasiumRow.Curators.Single().Name, gymnasiumRow.Curators.Single().Email));
        // Not sent yet first within the municipality, sent last.
        Assert.Equal(SubmissionState.Submitted, rows[^1].State);
        Assert.Equal(ChaseFilter.Missing, ChaseFilter.Parse("1; DROP TABLE"));
    }

    [Fact]
    public async Task AMunicipalHead_GetsTheirMunicipalityOnly_ACuratorNothing()
    {
        var region = await database.RegionIdAsync("krasnodar");
        var anapa = await database.MunicipalityIdAsync("город-курорт Анапа");
        var (campaign, problems) = await database.CampaignsAs(Admin).OpenAsync(new OpenCampaignRequest(region, "Мониторинг ЦМН (тест)", new DateOnly(2025, 9, 10),
            new[] { IndicatorCatalogue.YoungTeachersMentees }));
        Assert.Empty(problems);
        Assert.Null(await database.CampaignsAs(Admin).StartCollectingAsync(campaign!.Value));

        var rows = await database.CampaignsAs(TestUsers.For(Roles.MunicipalHead, region, anapa)).ChaseListAsync(campaign.Value);

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("город-курорт Анапа", r.MunicipalityName));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(db.Organisations.Count(o => o.MunicipalityId == anapa), rows.Count);
        var school = rows[0].OrganisationId;
        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() =>
            database.CampaignsAs(TestUsers.For(Roles.Curator, region, anapa, school)).ChaseListAsync(campaign.Value));
    }
}
