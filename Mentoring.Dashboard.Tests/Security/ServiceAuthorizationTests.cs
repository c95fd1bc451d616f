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
        var admin = new UserAdministration(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), user, audit);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.ListAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.CreateAsync(new UserInput("x@y.z", "X", Roles.Administrator, null, null, null), "Strong-Pass-1!"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.SetLockedAsync("any", true));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.ResetPasswordAsync("any", "Strong-Pass-1!"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => audit.ReadAsync(new AuditFilter()));
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
