using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Data;

/// <summary>The one place that turns <see cref="DatabaseSettings"/> into contexts: the app, the tests and the benchmark use it.</summary>
public static class MentoringDatabase
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString).AddInterceptors(new SqlitePragmas());
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(settings.ConnectionString);
                break;
        }
    }

    /// <summary>A context that reads no region's rows until limited (<see cref="MentoringDbContext.LimitTo"/>): for the schema's own work.</summary>
    public static MentoringDbContext Create(DatabaseSettings settings) => new SettingsFactory(settings).CreateDbContext();

    /// <summary>
    /// Contexts of the configured provider, each reading no region's rows until limited; the app registers it as a
    /// singleton, behind <see cref="Security.ScopedDbContextFactory"/> for the data services.
    /// </summary>
    public static IDbContextFactory<MentoringDbContext> Factory(DatabaseSettings settings) => new SettingsFactory(settings);

    /// <summary>
    /// The same contexts, each reading every region: for the data layer's own work only (start-up, seeding, the change
    /// feed's catch-up), and for the tests' own checks and the benchmark's generator. An architecture test keeps it out
    /// of the data services and the pages.
    /// </summary>
    public static IDbContextFactory<MentoringDbContext> EveryRegion(this IDbContextFactory<MentoringDbContext> factory) => new EveryRegionFactory(factory);

    private sealed class EveryRegionFactory(IDbContextFactory<MentoringDbContext> contexts) : IDbContextFactory<MentoringDbContext>
    {
        public MentoringDbContext CreateDbContext()
        {
            var db = contexts.CreateDbContext();
            db.LimitTo(Security.RegionFilter.Every);
            return db;
        }
    }

    /// <summary>Schema up to date (each provider has its own migrations), with the provider's settings for a file or server.</summary>
    public static async Task MigrateAsync(MentoringDbContext db, CancellationToken ct = default)
    {
        if (db is SqliteMentoringDbContext)
            await SqlitePragmas.UseWriteAheadLogAsync(db);
        await SquashedMigrations.AdoptAsync(db, ct);
        await db.Database.MigrateAsync(ct);
    }

    private sealed class SettingsFactory : IDbContextFactory<MentoringDbContext>
    {
        private readonly DatabaseProvider provider;
        private readonly DbContextOptions options; // built once: the provider's services are cached per options

        public SettingsFactory(DatabaseSettings settings)
        {
            var builder = new DbContextOptionsBuilder();
            Configure(builder, settings);
            provider = settings.Provider;
            options = builder.Options;
        }

        public MentoringDbContext CreateDbContext() => provider switch
        {
            DatabaseProvider.PostgreSql => new PostgreSqlMentoringDbContext(options),
            _ => new SqliteMentoringDbContext(options),
        };
    }
}
