using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mentoring.Bench;

/// <summary>
/// The benchmark's databases: SQLite files, or databases on the benchmark's own PostgreSQL server (durable commits,
/// like SQLite's; its cluster is kept in artifacts/bench/postgres so the generated datasets are built once).
/// Measurements that write work on a copy and delete it afterwards.
/// </summary>
public static class BenchDatabase
{
    private static Task<LocalPostgreSql>? server;

    public static DatabaseSettings Sqlite(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path}");

    public static Task<LocalPostgreSql> PostgreSqlServerAsync(string folder) =>
        server ??= LocalPostgreSql.StartAsync(durable: true, keepIn: Path.Combine(folder, "postgres"));

    public static async Task<DatabaseSettings> CopyAsync(DatabaseSettings source)
    {
        if (source.Provider == DatabaseProvider.Sqlite)
        {
            var copy = Path.Combine(Path.GetTempPath(), $"mentoring-bench-{Guid.NewGuid():N}.db");
            SqliteConnection.ClearAllPools();
            File.Copy(PathOf(source), copy);
            return Sqlite(copy);
        }
        // A file-level copy of the source database (a template), as fast as copying the SQLite file.
        var name = new NpgsqlConnectionStringBuilder(source.ConnectionString).Database!;
        return new(DatabaseProvider.PostgreSql, await (await server!).CreateDatabaseAsync("bench_copy", template: name));
    }

    public static async Task DeleteAsync(DatabaseSettings copy)
    {
        if (copy.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { "", "-shm", "-wal" })
                File.Delete(PathOf(copy) + file);
        }
        else
        {
            await (await server!).DropDatabaseAsync(copy.ConnectionString);
        }
    }

    /// <summary>"SQLite" or "PostgreSQL", for the tables.</summary>
    public static string Label(DatabaseSettings database) => database.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    private static string PathOf(DatabaseSettings sqlite) => new SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource;
}
