using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mentoring.Dashboard.Data;

/// <summary>
/// How many committed changes a campaign's figures have had. It moves inside every write's transaction, so it is the
/// database's own count: cached figures are keyed by it, and an instance that may have missed notifications compares
/// what it has heard with it.
/// </summary>
public sealed class CampaignVersion
{
    private CampaignVersion() { }

    public int CampaignId { get; private set; }
    public long Version { get; private set; }

    /// <summary>Moves the campaign's version inside the context's open transaction; returns the new version.</summary>
    /// <remarks>
    /// One statement on both providers. Its row lock is held until the commit, so two writes to one campaign commit in
    /// the order of their versions.
    /// </remarks>
    public static async Task<long> NextAsync(MentoringDbContext db, int campaignId, CancellationToken ct)
    {
        await using var command = CommandInTransaction(db, """
            INSERT INTO "CampaignVersions" ("CampaignId", "Version") VALUES (@campaign, 1)
            ON CONFLICT ("CampaignId") DO UPDATE SET "Version" = "CampaignVersions"."Version" + 1
            RETURNING "Version"
            """);
        AddParameter(command, "campaign", campaignId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>A command on the context's connection, in its open transaction (a write's announcement is part of it).</summary>
    public static DbCommand CommandInTransaction(MentoringDbContext db, string sql)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A change is announced inside the transaction that writes it.");
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    public static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
