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

namespace Mentoring.Dashboard.Tests.Infrastructure;

/// <summary>
/// A real database, brought up by the app's migrations of its provider and filled by the app's demo seeder; shared by
/// the tests of a collection because seeding takes a few seconds. Test classes that use it are abstract and run twice,
/// once per provider: a sealed «…OnSqlite» and «…OnPostgreSql» subclass each.
/// </summary>
public abstract class SeededDatabase : IAsyncLifetime
{
    public IDbContextFactory<MentoringDbContext> Factory { get; private set; } = null!;

    public DatabaseSettings Settings { get; private set; } = null!;

    protected abstract Task<DatabaseSettings> CreateEmptyAsync();

    protected abstract Task DeleteAsync(DatabaseSettings settings);

    /// <summary>The queries as an administrator (who sees everything).</summary>
    public MonitoringQueries Queries => QueriesAs(TestUsers.For(Roles.Administrator));

    /// <summary>The queries as the given user, with the app's real authorization handler.</summary>
    public MonitoringQueries QueriesAs(ClaimsPrincipal user) => new(ScopedAs(user), GuardAs(user), new SharedFigures(Feed));

    /// <summary>Contexts limited to the user's regions, as the app's data services get them.</summary>
    public ScopedDbContextFactory ScopedAs(ClaimsPrincipal user, IDbContextFactory<MentoringDbContext>? factory = null) =>
        new(factory ?? Factory, new FixedUser(user));

    /// <summary>The territory guard for the given user, with the app's real authorization handler.</summary>
    public TerritoryGuard GuardAs(ClaimsPrincipal user)
    {
        var services = new ServiceCollection().AddLogging().AddAuthorizationCore()
            .AddSingleton<IAuthorizationHandler, TerritoryAuthorizationHandler>()
            .BuildServiceProvider();
        return new TerritoryGuard(ScopedAs(user), services.GetRequiredService<IAuthorizationService>(), new FixedUser(user), TimeProvider.System);
    }

    public DataQuality QualityAs(ClaimsPrincipal user) => new(ScopedAs(user), QueriesAs(user), GuardAs(user), new SharedFigures(Feed));

    public CampaignDynamics DynamicsAs(ClaimsPrincipal user) => new(QueriesAs(user));

    public Conclusions ConclusionsAs(ClaimsPrincipal user)
    {
        var queries = QueriesAs(user);
        return new Conclusions(queries, new CampaignDynamics(queries), new PlanProgress(ScopedAs(user), queries), QualityAs(user));
    }

    public Recommendations RecommendationsAs(ClaimsPrincipal user) => new(ScopedAs(user), QueriesAs(user), GuardAs(user));

    public Services.Presentation.DeckBuilder DecksAs(ClaimsPrincipal user)
    {
        var queries = QueriesAs(user);
        return new(queries, new PlanProgress(ScopedAs(user), queries), new CampaignDynamics(queries), ConclusionsAs(user), RecommendationsAs(user), GuardAs(user));
    }

    /// <summary>Where the intake services announce changes (tests read what was published).</summary>
    public RecordingFeed Feed { get; } = new();

    public AuditLog AuditAs(ClaimsPrincipal user) => new(Factory, new FixedUser(user), new HttpContextAccessor(), TimeProvider.System);

    /// <param name="factory">Another way to the same database (a shorter busy timeout, say); the fixture's by default.</param>
    public OrganisationReports ReportsAs(ClaimsPrincipal user, IDbContextFactory<MentoringDbContext>? factory = null, IFigureChangeFeed? feed = null) =>
        new(ScopedAs(user, factory), GuardAs(user), QueriesAs(user), feed ?? Feed, AuditAs(user), new FixedUser(user), TimeProvider.System);

    /// <param name="slots">The server's import slots (and their reading budget); the fixture's by default.</param>
    public SpreadsheetImport ImportAs(ClaimsPrincipal user, Microsoft.Extensions.Logging.ILogger<SpreadsheetImport>? logger = null, ImportSlots? slots = null) =>
        new(ScopedAs(user), GuardAs(user), Feed, AuditAs(user), new FixedUser(user), TimeProvider.System, slots ?? ImportSlots, logger);

    /// <summary>The server's import slots, shared by every importer of this database as the app shares one.</summary>
    public ImportSlots ImportSlots { get; } = new();

    public CampaignAdministration CampaignsAs(ClaimsPrincipal user, IDbContextFactory<MentoringDbContext>? factory = null) => new(ScopedAs(user, factory), GuardAs(user), AuditAs(user), TimeProvider.System, Feed);

    public IntakeWorkbook WorkbookAs(ClaimsPrincipal user) => new(ScopedAs(user), GuardAs(user));

    /// <summary>The region page's models as the user's circuit builds them, sharing through <paramref name="shared"/> as circuits share.</summary>
    public Model.RegionPageModels RegionPageModelsAs(ClaimsPrincipal user, SharedFigures shared)
    {
        var queries = QueriesAs(user);
        var clock = new UserClock(new HttpContextAccessor(), new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), TimeProvider.System);
        return new(queries, GuardAs(user), new PlanProgress(ScopedAs(user), queries), new TargetOutlook(queries, GuardAs(user)), QualityAs(user),
            CampaignsAs(user), clock, shared);
    }

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
        Settings = await CreateEmptyAsync();
        Factory = MentoringDatabase.Factory(Settings).EveryRegion();
        await using var db = await Factory.CreateDbContextAsync();
        await MentoringDatabase.MigrateAsync(db);
        await DemoDataSeeder.SeedAsync(db);
    }

    public Task DisposeAsync() => DeleteAsync(Settings);

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

    /// <summary>The region's latest closed campaign (the demo data also has a round still collecting).</summary>
    public async Task<int> LatestCampaignIdAsync(string regionCode)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Campaigns.Where(c => c.Region.Code == regionCode && c.State == Mentoring.Domain.Monitoring.CampaignState.Closed)
            .OrderByDescending(c => c.AsOf).Select(c => c.Id).FirstAsync();
    }
}

/// <summary>A change feed that remembers what was committed, with the version each moved its campaign to in the database.</summary>
public sealed class RecordingFeed : IFigureChangeFeed
{
    public List<FigureChange> Published { get; } = [];
    public async Task<FigureChange> AnnounceAsync(Mentoring.Dashboard.Data.MentoringDbContext db, FigureChange change, CancellationToken ct = default) =>
        change with { Version = await Mentoring.Dashboard.Data.CampaignVersion.NextAsync(db, change.CampaignId, ct) };
    public void Committed(FigureChange announced) => Published.Add(announced);
    public int Unconfirmed { get; private set; }
    public void CommitUnconfirmed() => Unconfirmed++;
    public long? VersionOf(int campaignId) => Published.LastOrDefault(c => c.CampaignId == campaignId)?.Version ?? 0;
    public long? RegionVersionOf(int regionId) => Published.Count(c => c.RegionId == regionId);
    public IDisposable Subscribe(Action<FigureChange> handler) => throw new NotSupportedException();
}

/// <summary>A temporary SQLite file.</summary>
public sealed class SqliteSeededDatabase : SeededDatabase
{
    protected override Task<DatabaseSettings> CreateEmptyAsync() => Task.FromResult(
        new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"mentoring-tests-{Guid.NewGuid():N}.db")}"));

    protected override Task DeleteAsync(DatabaseSettings settings)
    {
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        foreach (var file in new[] { path, path + "-shm", path + "-wal" })
            File.Delete(file);
        return Task.CompletedTask;
    }
}

/// <summary>A new database on the tests' own PostgreSQL server (<see cref="LocalPostgreSql"/>).</summary>
public sealed class PostgreSqlSeededDatabase : SeededDatabase
{
    protected override async Task<DatabaseSettings> CreateEmptyAsync() =>
        new(DatabaseProvider.PostgreSql, await (await LocalPostgreSql.SharedAsync()).CreateDatabaseAsync("mentoring_tests"));

    protected override async Task DeleteAsync(DatabaseSettings settings) =>
        await (await LocalPostgreSql.SharedAsync()).DropDatabaseAsync(settings.ConnectionString);
}

[CollectionDefinition(Name)]
public sealed class SqliteDatabaseCollection : ICollectionFixture<SqliteSeededDatabase>
{
    public const string Name = "Seeded SQLite database";
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlDatabaseCollection : ICollectionFixture<PostgreSqlSeededDatabase>
{
    public const string Name = "Seeded PostgreSQL database";
}
