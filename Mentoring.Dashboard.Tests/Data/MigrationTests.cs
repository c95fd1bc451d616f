using Mentoring.Dashboard.Data;
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
