using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Territories;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using static Mentoring.Domain.Indicators.IndicatorCatalogue;

namespace Mentoring.Dashboard.Tests.Analytics;

/// <summary>Editing plan values writes real rows, so these tests have a database of their own.</summary>
public abstract class PlanAdministrationTests(SeededDatabase database)
{
    private PlanAdministration As(string role, Microsoft.EntityFrameworkCore.IDbContextFactory<MentoringDbContext>? factory = null)
    {
        var principal = TestUsers.For(role, 1, 1, 1);
        return new PlanAdministration(database.ScopedAs(principal, factory), database.GuardAs(principal), database.AuditAs(principal), database.Feed);
    }

    [Fact]
    public async Task APlanSavedWhileAnotherWriteHoldsTheDatabase_SaysSo_AndSavesNothing()
    {
        var kuzbass = await database.RegionIdAsync("kuzbass");
        var plans = As(Roles.Administrator, Intake.IntakeTestData.ImpatientFactory(database));
        var input = new PlanValueInput(null, kuzbass, DocPartnership, null, 2030, 42, "Тест блокировки");
        var before = (await plans.ListAsync(kuzbass)).Count;

        await using (await Intake.IntakeTestData.HoldWriteLockAsync(database))
            Assert.Equal([Mentoring.Dashboard.Data.DatabaseBusy.ActionMessage], (await plans.SaveAsync(input)).Errors);

        Assert.Equal(before, (await plans.ListAsync(kuzbass)).Count);
        Assert.True((await plans.SaveAsync(input)).Succeeded);
        Assert.Equal(before + 1, (await plans.ListAsync(kuzbass)).Count);
    }

    [Fact]
    public void APageSaysTheDatabaseWasBusy_AndAnyOtherFailureIsALoggedError()
    {
        var busy = new Microsoft.EntityFrameworkCore.DbUpdateException("save", new Microsoft.Data.Sqlite.SqliteException("database is locked", 5));

        Assert.Equal(Mentoring.Dashboard.Data.DatabaseBusy.ActionMessage, Mentoring.Dashboard.Data.DatabaseBusy.Explain(busy));
        Assert.StartsWith("На сервере произошла ошибка", Mentoring.Dashboard.Data.DatabaseBusy.Explain(new InvalidOperationException()));
    }

    private async Task<(int Plans, int Audit)> CountsAsync()
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return (await db.PlanValues.CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Theory]
    [InlineData(StudentMentees, 2024, 120, "Плановое значение доли должно быть от 0 до 100 %.")]
    [InlineData(StudentMentees, 2017, 50, "Год должен быть от 2018 до 2030.")]
    [InlineData(ProgrammeEnterprises, 2024, 12.5, "Плановое количество должно быть целым неотрицательным числом.")]
    [InlineData(Effectiveness, 2024, 50, "Для показателя-уровня плановое значение не задаётся.")]
    public async Task InvalidPlanValue_GetsARussianMessage_AndChangesNothing(string indicator, int year, double target, string expected)
    {
        var before = await CountsAsync();
        var kuzbass = await database.RegionIdAsync("kuzbass");

        var result = await As(Roles.Administrator).SaveAsync(new PlanValueInput(null, kuzbass, indicator, null, year, (decimal)target, "Приказ № 1"));

        Assert.Contains(expected, result.Errors);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ASecondValueForTheSameYear_IsRefused_AndAChange_IsAudited()
    {
        var tomsk = await database.RegionIdAsync("tomsk");
        var admin = As(Roles.Administrator);
        var existing = (await admin.ListAsync(tomsk)).Single(p => p.Indicator.Code == ProgrammeStudentsSupplementary && p.Year == 2024);

        var duplicate = await admin.SaveAsync(new PlanValueInput(null, tomsk, ProgrammeStudentsSupplementary, null, 2024, 60, "Новый приказ"));
        Assert.False(duplicate.Succeeded);

        var changed = await admin.SaveAsync(new PlanValueInput(existing.Id, tomsk, ProgrammeStudentsSupplementary, null, 2024, 65, existing.Source));
        Assert.True(changed.Succeeded);
        Assert.Equal(65m, (await admin.ListAsync(tomsk)).Single(p => p.Id == existing.Id).Target);
        await using var db = await database.Factory.CreateDbContextAsync();
        var entry = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal(AuditActions.DataChanged, entry.Action);
        Assert.Contains("2024 г. — 70 → 2024 г. — 65", entry.Details);
        // Every round's page of the region shows the plan: each of Tomsk's rounds is announced as changed, so open pages
        // reload and no page model of the old plan is shared on.
        var rounds = await db.Campaigns.Where(c => c.RegionId == tomsk).Select(c => c.Id).OrderBy(c => c).ToListAsync();
        Assert.Equal(rounds, database.Feed.Published.Where(c => c.RegionId == tomsk).Select(c => c.CampaignId).Order().ToList());
    }

    [Theory]
    [InlineData(Roles.RegionalOfficial)]
    [InlineData(Roles.MunicipalHead)]
    [InlineData(Roles.Curator)]
    [InlineData(Roles.Presenter)]
    public async Task OnlyAdministrators_EditPlans(string role)
    {
        var service = As(role);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListAsync(1));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SaveAsync(new PlanValueInput(null, 1, StudentMentees, OrganisationKind.School, 2024, 70, "x")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.DeleteAsync(1, 1));
    }
}

public sealed class PlanAdministrationOnSqlite(SqliteSeededDatabase database) : PlanAdministrationTests(database), IClassFixture<SqliteSeededDatabase>;

public sealed class PlanAdministrationOnPostgreSql(PostgreSqlSeededDatabase database) : PlanAdministrationTests(database), IClassFixture<PostgreSqlSeededDatabase>;
