using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mentoring.Dashboard.Data;

public enum DatabaseProvider
{
    /// <summary>One file next to the app: the embedded default, nothing to install.</summary>
    Sqlite,

    /// <summary>The server database: several dashboard instances share it and hear each other's changes.</summary>
    PostgreSql,
}

/// <summary>Which database the dashboard uses: <c>Database:Provider</c> and the <c>Mentoring</c> connection string.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        var provider = string.IsNullOrEmpty(name) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException($"Database:Provider «{name}» is not one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        var connectionString = configuration.GetConnectionString("Mentoring")
            ?? (provider == DatabaseProvider.Sqlite ? "Data Source=mentoring.db"
                : throw new InvalidOperationException("PostgreSQL needs ConnectionStrings:Mentoring."));
        return new DatabaseSettings(provider, connectionString);
    }
}

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

/// <summary>The SQLite schema: its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteMentoringDbContext(DbContextOptions options) : MentoringDbContext(options);

/// <summary>The PostgreSQL schema: its migrations are in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlMentoringDbContext(DbContextOptions options) : MentoringDbContext(options);

/// <summary>For <c>dotnet ef migrations add … --context SqliteMentoringDbContext</c>; no database is opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMentoringDbContext>
{
    public SqliteMentoringDbContext CreateDbContext(string[] args) =>
        (SqliteMentoringDbContext)MentoringDatabase.Create(new(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}

/// <summary>For <c>dotnet ef migrations add … --context PostgreSqlMentoringDbContext</c>; no database is opened.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlMentoringDbContext>
{
    public PostgreSqlMentoringDbContext CreateDbContext(string[] args) =>
        (PostgreSqlMentoringDbContext)MentoringDatabase.Create(new(DatabaseProvider.PostgreSql, "Host=localhost;Database=design-time"));
}
