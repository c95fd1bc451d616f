using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mentoring.Dashboard.Data;

/// <summary>Whether the database answers now: a page waiting out an outage asks it every two seconds. It reads no rows.</summary>
public sealed class DatabaseProbe(DatabaseSettings settings)
{
    public async Task<bool> AnswersAsync(CancellationToken ct = default)
    {
        try
        {
            await using DbConnection connection = settings.Provider == DatabaseProvider.PostgreSql
                ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Timeout = 2 }.ConnectionString)
                : new SqliteConnection(settings.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (Exception e) when (e is DbException || DatabaseOutage.IsTemporary(e))
        {
            return false;
        }
    }
}
