using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mentoring.Dashboard.Tests.Security;

/// <summary>The services refuse on their own, whatever a page shows or hides.</summary>
public abstract class ServiceAuthorizationTests(SeededDatabase database)
{
    [Theory]
    [InlineData(Roles.RegionalOfficial)]
    [InlineData(Roles.MunicipalHead)]
    [InlineData(Roles.Curator)]
    [InlineData(Roles.Presenter)]
    public async Task AccountManagementAndAuditLog_RefuseEveryoneButAdministrators(string role)
    {
        var user = new FixedUser(TestUsers.For(role, 1, 1, 1));
        var audit = new AuditLog(database.Factory, user, new HttpContextAccessor(), TimeProvider.System);
        var admin = new UserAdministration(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), user, audit, TimeProvider.System);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.ListAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.CreateAsync(new UserInput("x@y.z", "X", Roles.Administrator, null, null, null), "Strong-Pass-1!"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.SetLockedAsync("any", true));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.ResetPasswordAsync("any", "Strong-Pass-1!"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => audit.ReadAsync(new AuditFilter()));
    }

    [Theory]
    [InlineData(Roles.Presenter, false, 1)]
    [InlineData(Roles.MunicipalHead, false, 2)]
    [InlineData(Roles.RegionalOfficial, true, 3)]
    [InlineData(Roles.Administrator, true, 4)]
    public async Task ADraftCampaign_IsInvisibleToAllButThoseWhoPrepareIt_EvenThroughTheIntakeExport(string role, bool sees, int day)
    {
        var region = await database.RegionIdAsync("krasnodar");
        var anapa = await database.MunicipalityIdAsync("город-курорт Анапа");
        var (draft, problems) = await database.CampaignsAs(TestUsers.For(Roles.Administrator)).OpenAsync(new Services.Intake.OpenCampaignRequest(
            region, "Черновик (тест)", new DateOnly(2027, 3, day), [Mentoring.Domain.Indicators.IndicatorCatalogue.TeacherMentors]));
        Assert.Empty(problems);
        var user = TestUsers.For(role, region, role == Roles.MunicipalHead ? anapa : null);

        var build = () => database.WorkbookAs(user).BuildAsync(draft!.Value, anapa, oneSheet: true);

        if (sees)
            Assert.Equal(33, (await build()).Sheets[0].Rows.Count); // a row for each of Anapa's organisations
        else
            await Assert.ThrowsAsync<TerritoryAccessDeniedException>(build);
    }

    [Fact]
    public void AccessRules_UserWithoutARoleOrTerritory_SeesNothing()
    {
        Assert.Equal(TerritoryAccess.None, AccessRules.For(UserScope.Anonymous, new TerritoryPath(1)));
        Assert.Equal(TerritoryAccess.None, AccessRules.For(new UserScope(Roles.RegionalOfficial, null, null, null), new TerritoryPath(1)));
    }
}

[Collection(SqliteDatabaseCollection.Name)]
public sealed class ServiceAuthorizationOnSqlite(SqliteSeededDatabase database) : ServiceAuthorizationTests(database);

[Collection(PostgreSqlDatabaseCollection.Name)]
public sealed class ServiceAuthorizationOnPostgreSql(PostgreSqlSeededDatabase database) : ServiceAuthorizationTests(database);
