using Mentoring.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mentoring.Dashboard.Services.Live;

/// <summary>
/// How writes reach the feed: every announced write commits through <see cref="CommitAndTellAsync"/>; writes that
/// change what a region's pages show without changing a figure (a plan, a round's deadline, a new draft) through
/// <see cref="TrySaveAndAnnounceAsync"/>.
/// </summary>
public static class FigureChangeFeedWrites
{
    /// <summary>
    /// Commits a write whose changes were announced in its transaction, and tells this instance's listeners. Not
    /// cancelled by a page going away: a commit that happened is told here too. If the commit's answer is lost the
    /// outage still reaches the caller (which keeps the user's input), and the feed finds out from the database
    /// whether the write is in, so no page of this instance keeps the old figures.
    /// </summary>
    public static async Task CommitAndTellAsync(this IFigureChangeFeed feed, IDbContextTransaction transaction, params IReadOnlyList<FigureChange> announced)
    {
        try
        {
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            feed.CommitUnconfirmed();
            throw;
        }
        foreach (var change in announced)
            feed.Committed(change);
    }

    /// <summary>
    /// Saves <paramref name="db"/>'s changes and, in the same transaction, announces every page of these campaigns (or,
    /// when none are named, of all the region's campaigns) as changed: open pages reload and no instance keeps a page
    /// model of the old state. False when the database is busy, and then nothing is saved.
    /// </summary>
    public static async Task<bool> TrySaveAndAnnounceAsync(this IFigureChangeFeed feed, MentoringDbContext db, int regionId,
        Func<IReadOnlyList<int>>? campaignIds = null, CancellationToken ct = default)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            var campaigns = campaignIds?.Invoke()
                            ?? await db.Campaigns.Where(c => c.RegionId == regionId).Select(c => c.Id).ToListAsync(ct);
            var announced = new List<FigureChange>();
            if (campaigns.Count > 0)
            {
                // The region's organisations and municipalities, read once for all its campaigns.
                var whole = await FigureChange.WholeCampaignAsync(db, campaigns[0], regionId, ct);
                foreach (var campaign in campaigns)
                    announced.Add(await feed.AnnounceAsync(db, whole with { CampaignId = campaign }, ct));
            }
            await feed.CommitAndTellAsync(transaction, [.. announced]);
            return true;
        }
        catch (Exception e) when (DatabaseBusy.Is(e))
        {
            return false;
        }
    }
}
