using System.Collections.Immutable;

namespace Mentoring.Dashboard.Services.Live;

/// <summary>Figures of these organisations (and so of their municipalities and region) changed in a campaign.</summary>
public sealed record FigureChange(int CampaignId, int RegionId, IReadOnlySet<int> MunicipalityIds, IReadOnlySet<int> OrganisationIds);

/// <summary>
/// Tells open dashboards that figures changed, after the change is committed: <see cref="InProcessFigureChangeFeed"/>
/// on one server (SQLite), <see cref="PostgreSqlFigureChangeFeed"/> across every instance on one PostgreSQL database.
/// </summary>
public interface IFigureChangeFeed
{
    /// <summary>Listeners on this server hear it at once, other instances as soon as the database tells them.</summary>
    Task PublishAsync(FigureChange change);

    /// <summary>How many changes of the campaign this server has heard of; it moves before any listener runs.</summary>
    long VersionOf(int campaignId);

    /// <summary>The handler runs on the publisher's thread; dispose the result to stop listening.</summary>
    IDisposable Subscribe(Action<FigureChange> handler);
}

public sealed class InProcessFigureChangeFeed(ILogger<InProcessFigureChangeFeed> logger) : IFigureChangeFeed
{
    // Copy-on-write: publishing reads a snapshot without locking.
    private ImmutableArray<Action<FigureChange>> handlers = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, long> versions = new();
    private long epoch;

    // The epoch in the high bits: after ForgetAll every campaign has a version it never had before.
    public long VersionOf(int campaignId) => (Interlocked.Read(ref epoch) << 32) + versions.GetValueOrDefault(campaignId);

    /// <summary>Changes may have been missed (the feed was disconnected): no result computed before now is current.</summary>
    public void ForgetAll() => Interlocked.Increment(ref epoch);

    public Task PublishAsync(FigureChange change)
    {
        Publish(change);
        return Task.CompletedTask;
    }

    public void Publish(FigureChange change)
    {
        // First the version, so a listener that reloads at once never gets a shared result of the old figures.
        versions.AddOrUpdate(change.CampaignId, 1, (_, v) => v + 1);
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
