using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Tests.Data;

/// <summary>Migrations are hand-run with `dotnet ef`, once per provider: these catch a model change without its migration.</summary>
public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=unused")]
    public void EachProvidersMigrations_AreUpToDateWithTheModel(DatabaseProvider provider, string connectionString)
    {
        using var db = MentoringDatabase.Create(new(provider, connectionString));

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: dotnet ef migrations add … --context {db.GetType().Name}");
    }

    [Fact]
    public async Task SchemaFromMigrations_MatchesTheModel()
    {
        // Migrations are hand-run with `dotnet ef`; this catches a model change without its migration.
        var fromModel = await SchemaAsync(db => db.Database.EnsureCreatedAsync());
        var fromMigrations = await SchemaAsync(db => db.Database.MigrateAsync());

        Assert.Equal(fromModel, fromMigrations.Where(s => !s.Contains("__EFMigrations")).ToList());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ADatabaseTheMigrationsBeforeTheSquashBroughtUpToDate_AdoptsTheSquashedOne_AndKeepsItsRows(DatabaseProvider provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var db = MentoringDatabase.Create(database.Settings);
        await MentoringDatabase.MigrateAsync(db);
        var squashed = Assert.Single(await db.Database.GetAppliedMigrationsAsync());
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES ('kept', '<key/>')""");
        await RewriteHistoryAsync(db, OldChain(provider));

        await MentoringDatabase.MigrateAsync(db);

        Assert.Equal([squashed], await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(["kept"], await db.Database.SqlQueryRaw<string>("""SELECT "FriendlyName" AS "Value" FROM "DataProtectionKeys" """).ToListAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ADatabaseTheMigrationsBeforeTheSquashLeftHalfWay_StopsTheStartWithWhatToDo(DatabaseProvider provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var db = MentoringDatabase.Create(database.Settings);
        await MentoringDatabase.MigrateAsync(db);
        await RewriteHistoryAsync(db, OldChain(provider).Take(1));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => MentoringDatabase.MigrateAsync(db));

        Assert.Equal($"The database stops at migration {OldChain(provider)[0]}, from before the migrations were squashed on 07.12.2026. "
                     + "Bring it up to date with commit aefc39e, the last before the squash, or create it anew.", refused.Message);
        Assert.Equal([OldChain(provider)[0]], await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>The first and the last migration of each provider's chain before the squash (commit aefc39e).</summary>
    private static string[] OldChain(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql
        ? ["20261130064852_InitialCreate", "20261206203648_VisitsPerTerritoryAndDay"]
        : ["20261122135511_InitialCreate", "20261206203621_VisitsPerTerritoryAndDay"];

    private static async Task RewriteHistoryAsync(MentoringDbContext db, IEnumerable<string> migrations)
    {
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" """);
        foreach (var migration in migrations)
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({0}, '10.0.0')""", migration);
    }

    /// <summary>An empty database of its own on either provider, gone afterwards.</summary>
    private sealed class ScratchDatabase : IAsyncDisposable
    {
        private string? sqlitePath;
        public DatabaseSettings Settings { get; private init; } = default!;

        public static async Task<ScratchDatabase> CreateAsync(DatabaseProvider provider)
        {
            if (provider == DatabaseProvider.PostgreSql)
                return new() { Settings = new(provider, await (await LocalPostgreSql.SharedAsync()).CreateDatabaseAsync("squash")) };
            var path = Path.Combine(Path.GetTempPath(), $"mentoring-squash-{Guid.NewGuid():N}.db");
            return new() { Settings = new(provider, $"Data Source={path}"), sqlitePath = path };
        }

        public async ValueTask DisposeAsync()
        {
            if (sqlitePath is null)
            {
                await (await LocalPostgreSql.SharedAsync()).DropDatabaseAsync(Settings.ConnectionString);
                return;
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
                File.Delete(file);
        }
    }

    private static async Task<List<string>> SchemaAsync(Func<MentoringDbContext, Task> create)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mentoring-schema-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = MentoringDatabase.Create(new(DatabaseProvider.Sqlite, $"Data Source={path}"));
            await create(db);
            // Tables by their columns and keys (a column a migration adds comes last in SQLite's CREATE TABLE text,
            // so the text is not comparable), indexes by their SQL.
            return await db.Database.SqlQueryRaw<string>("""
                SELECT 'table ' || m.name || ': ' || (SELECT group_concat(c, '; ') FROM (
                    SELECT c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' default=' || ifnull(c.dflt_value, '') || ' pk=' || c.pk AS c
                    FROM pragma_table_info(m.name) c ORDER BY c.name))
                  || ' | fk: ' || ifnull((SELECT group_concat(f, '; ') FROM (
                    SELECT f."from" || '->' || f."table" || '.' || f."to" || ' ' || f.on_delete AS f
                    FROM pragma_foreign_key_list(m.name) f ORDER BY f."from")), '') AS Value
                FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                UNION ALL
                SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                ORDER BY 1
                """).ToListAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
