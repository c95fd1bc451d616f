using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mentoring.Dashboard.Data;

/// <summary>
/// Each provider's migrations were squashed into one <c>InitialCreate</c> on 07.12.2026; no released database depended
/// on the ones before. A database those brought up to date has the very schema the squashed migration makes (checked
/// column by column and index by index on both providers), so its history is rewritten to that one migration and
/// nothing else changes. A database they left half-way cannot be brought forward from here, and start-up says so.
/// </summary>
public static class SquashedMigrations
{
    /// <summary>The last migration before the squash and the one that replaced the whole chain, per provider.</summary>
    private static (string LastBefore, string Squashed) Of(MentoringDbContext db) => db is PostgreSqlMentoringDbContext
        ? ("20261206203648_VisitsPerTerritoryAndDay", "20261207020140_InitialCreate")
        : ("20261206203621_VisitsPerTerritoryAndDay", "20261207020113_InitialCreate");

    public static async Task AdoptAsync(MentoringDbContext db, CancellationToken ct = default)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct))
            return;
        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(m => m.MigrationId).ToList();
        var (lastBefore, squashed) = Of(db);
        if (applied.Count == 0 || applied.Contains(squashed))
            return;
        if (!applied.Contains(lastBefore))
            throw new InvalidOperationException(
                $"The database stops at migration {applied.Max()}, from before the migrations were squashed on 07.12.2026. "
                + "Bring it up to date with commit aefc39e, the last before the squash, or create it anew.");

        var rewrite = applied.Select(history.GetDeleteScript)
            .Append(history.GetInsertScript(new HistoryRow(squashed, ProductInfo.GetVersion())));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var script in rewrite)
            await db.Database.ExecuteSqlRawAsync(script, ct);
        await transaction.CommitAsync(ct);
    }
}
