using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mentoring.Dashboard.Data;

/// <summary>
/// A write that waited its whole timeout for another's lock: SQLite's «database is locked» (BUSY, LOCKED) after its
/// 30-second busy timeout, PostgreSQL's lock timeout, statement timeout or command timeout. Not a bug to crash on: the
/// user is told the database is busy, and nothing was written.
/// </summary>
public static class DatabaseBusy
{
    public const string Message = "База данных сейчас занята другой записью, и ничего не сохранено. Введённое осталось в форме: повторите через минуту.";

    /// <summary>For an action that is not a form (a plan value, a campaign's state): nothing saved, try again.</summary>
    public const string ActionMessage = "База данных сейчас занята другой записью: это действие ничего не сохранило. Повторите его через минуту.";

    /// <summary>What a page says when an action failed: the busy database by name, anything else as a logged server error.</summary>
    public static string Explain(Exception exception) => Is(exception)
        ? ActionMessage
        : "На сервере произошла ошибка, она записана в журнал. Это действие ничего не сохранило; уже сохранённые данные не затронуты.";

    /// <summary>Saves the context's changes; false when another write held the database past the wait, and nothing was saved.</summary>
    public static async Task<bool> TrySaveAsync(Microsoft.EntityFrameworkCore.DbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception e) when (Is(e))
        {
            return false;
        }
    }

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case PostgresException { SqlState: "55P03" or "57014" }: // lock_not_available, query_canceled
                case NpgsqlException { InnerException: TimeoutException }:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
