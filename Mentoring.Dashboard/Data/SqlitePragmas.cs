using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mentoring.Dashboard.Data;

/// <summary>
/// SQLite settings for a web app: write-ahead logging, so dashboards keep reading while an import commits, and in
/// WAL mode «synchronous = NORMAL», which syncs at checkpoints instead of on every commit (a crash cannot corrupt the
/// file; a power cut may lose the last commits). WAL is a property of the file; synchronous is set per connection.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static async Task UseWriteAheadLogAsync(MentoringDbContext db) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}
