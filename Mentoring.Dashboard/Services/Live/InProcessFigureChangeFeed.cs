using System.Collections.Concurrent;
using System.Collections.Immutable;
using Mentoring.Dashboard.Data;

namespace Mentoring.Dashboard.Services.Live;

/// <summary>The feed of one server; also how the PostgreSQL feed hands changes to its own instance's listeners.</summary>
public sealed class InProcessFigureChangeFeed(ILogger<InProcessFigureChangeFeed> logger, FaultInjection? faults = null) : IFigureChangeFeed
{
    // Copy-on-write: dispatching reads a snapshot without locking.
    private ImmutableArray<Action<FigureChange>> handlers = [];
    private readonly ConcurrentDictionary<int, long> versions = new();
    private readonly ConcurrentDictionary<int, long> regionVersions = new();

    public long? VersionOf(int campaignId) => versions.GetValueOrDefault(campaignId);

    public long? RegionVersionOf(int regionId) => regionVersions.GetValueOrDefault(regionId);

    public async Task<FigureChange> AnnounceAsync(MentoringDbContext db, FigureChange change, CancellationToken ct = default) =>
        change with { Version = await CampaignVersion.NextAsync(db, change.CampaignId, ct) };

    public void Committed(FigureChange announced)
    {
        faults?.AfterCommit();
        Dispatch(announced);
    }

    // One instance on a local SQLite file: a commit that fails was not made, and there is nothing to find out.
    public void CommitUnconfirmed()
    {
    }

    /// <summary>Every version this instance has heard of, by campaign.</summary>
    public IReadOnlyDictionary<int, long> KnownVersions => versions;

    public void Dispatch(FigureChange change)
    {
        // First the version, so a listener that reloads at once never gets a shared result of the old figures.
        versions.AddOrUpdate(change.CampaignId, change.Version, (_, known) => Math.Max(known, change.Version));
        regionVersions.AddOrUpdate(change.RegionId, 1, (_, heard) => heard + 1);
        foreach (var handler in handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception e)
            {
                // One broken listener (a circuit going away) must not keep the others from hearing.
                logger.LogWarning(e, "A figure change listener failed");
            }
        }
    }

    public IDisposable Subscribe(Action<FigureChange> handler)
    {
        ImmutableInterlocked.Update(ref handlers, h => h.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref handlers, h => h.Remove(handler)));
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? unsubscribe = unsubscribe;
        public void Dispose() => Interlocked.Exchange(ref unsubscribe, null)?.Invoke();
    }
}
