using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mentoring.Dashboard.Data;

/// <summary>
/// The database cannot be reached at all: PostgreSQL down, restarting or cut off, SQLite's file gone. A fault of the
/// server, never of the user: nobody is signed out for it, nothing typed is dropped, and pages retry by themselves.
/// Unlike <see cref="DatabaseBusy"/> (a lock held too long), nothing can be read either.
/// </summary>
public static class DatabaseOutage
{
    public const string Message = "Нет связи с базой данных, повторяем…";

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 08: connection exceptions; 57P01–57P03: the server shutting down, crashed or still starting up.
                case PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03":
                    return true;
                case PostgresException:
                    return false; // the server answered: a real error of the statement
                case NpgsqlException { IsTransient: true, InnerException: SocketException or IOException or EndOfStreamException }:
                case SocketException:
                case SqliteException { SqliteErrorCode: 10 or 14 }: // SQLITE_IOERR, SQLITE_CANTOPEN
                    return true;
            }
        }
        return false;
    }

    /// <summary>Either kind of temporary unavailability: try again later, nothing of the user's is wrong.</summary>
    public static bool IsTemporary(Exception? exception) => Is(exception) || DatabaseBusy.Is(exception);
}
