using System.Security.Claims;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Mentoring.Dashboard.Data.DemoData;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Services.Live;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Mentoring.Dashboard.Tests.Infrastructure;

/// <summary>
/// A real SQLite database (a temporary file), brought up by the app's migrations and filled by the app's demo seeder;
/// shared by the tests of a collection because seeding takes a few seconds.
/// </summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"mentoring-tests-{Guid.NewGuid():N}.db");

    public IDbContextFactory<MentoringDbContext> Factory { get; private set; } = null!;

    /// <summary>The queries as an administrator (who sees everything).</summary>
    public MonitoringQueries Queries => QueriesAs(TestUsers.For(Roles.Administrator));

    /// <summary>The queries as the given user, with the app's real authorization handler.</summary>
    public MonitoringQueries QueriesAs(ClaimsPrincipal user) => new(Factory, GuardAs(user), new SharedFigures(Feed));

    /// <summary>The territory guard for the given user, with the app's real authorization handler.</summary>
    public TerritoryGuard GuardAs(ClaimsPrincipal user)
    {
        var services = new ServiceCollection().AddLogging().AddAuthorizationCore()
            .AddSingleton<IAuthorizationHandler, TerritoryAuthorizationHandler>()
            .BuildServiceProvider();
        return new TerritoryGuard(Factory, services.GetRequiredService<IAuthorizationService>(), new FixedUser(user));
    }

    public DataQuality QualityAs(ClaimsPrincipal user) => new(Factory, QueriesAs(user), GuardAs(user), new SharedFigures(Feed));

    public CampaignDynamics DynamicsAs(ClaimsPrincipal user) => new(QueriesAs(user));

    public Conclusions ConclusionsAs(ClaimsPrincipal user)
    {
        var queries = QueriesAs(user);
        return new Conclusions(queries, new CampaignDynamics(queries), new PlanProgress(Factory, queries), QualityAs(user));
    }

    public Recommendations RecommendationsAs(ClaimsPrincipal user) => new(Factory, QueriesAs(user), GuardAs(user));

    /// <summary>Where the intake services announce changes (tests read what was published).</summary>
    public RecordingFeed Feed { get; } = new();

    public AuditLog AuditAs(ClaimsPrincipal user) => new(Factory, new FixedUser(user), new HttpContextAccessor(), TimeProvider.System);

    public OrganisationReports ReportsAs(ClaimsPrincipal user) =>
        new(Factory, GuardAs(user), QueriesAs(user), Feed, AuditAs(user), new FixedUser(user), TimeProvider.System);

    public SpreadsheetImport ImportAs(ClaimsPrincipal user) =>
        new(Factory, GuardAs(user), Feed, AuditAs(user), new FixedUser(user), TimeProvider.System);

    public CampaignAdministration CampaignsAs(ClaimsPrincipal user) => new(Factory, GuardAs(user), AuditAs(user), TimeProvider.System);

    public IntakeWorkbook WorkbookAs(ClaimsPrincipal user) => new(Factory, GuardAs(user));

    public async Task<int> CampaignIdAsync(string regionCode, DateOnly asOf)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Campaigns.Where(c => c.Region.Code == regionCode && c.AsOf == asOf).Select(c => c.Id).SingleAsync();
    }

    public async Task<int> OrganisationIdAsync(string name, string municipality)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Organisations.Where(o => o.Name == name && o.Municipality.Name == municipality).Select(o => o.Id).SingleAsync();
    }

    public async Task InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<MentoringDbContext>().UseSqlite($"Data Source={path}").Options;
        Factory = new PooledDbContextFactory<MentoringDbContext>(options);
        await using var db = await Factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        await DemoDataSeeder.SeedAsync(db);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
        return Task.CompletedTask;
    }

    public async Task<int> RegionIdAsync(string code)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    public async Task<int> MunicipalityIdAsync(string name)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Municipalities.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    public async Task<int> LatestCampaignIdAsync(string regionCode)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Campaigns.Where(c => c.Region.Code == regionCode).OrderByDescending(c => c.AsOf).Select(c => c.Id).FirstAsync();
    }
}

/// <summary>A change feed that remembers what was published.</summary>
public sealed class RecordingFeed : IFigureChangeFeed
{
    public List<FigureChange> Published { get; } = [];
    public void Publish(FigureChange change) => Published.Add(change);
    public long VersionOf(int campaignId) => Published.Count(c => c.CampaignId == campaignId);
    public IDisposable Subscribe(Action<FigureChange> handler) => throw new NotSupportedException();
}

[CollectionDefinition(Name)]
public sealed class SeededDatabaseCollection : ICollectionFixture<SeededDatabase>
{
    public const string Name = "Seeded database";
}
