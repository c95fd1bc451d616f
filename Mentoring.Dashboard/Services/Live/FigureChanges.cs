using System.Collections.Immutable;

namespace Mentoring.Dashboard.Services.Live;

/// <summary>Figures of these organisations (and so of their municipalities and region) changed in a campaign.</summary>
public sealed record FigureChange(int CampaignId, int RegionId, IReadOnlySet<int> MunicipalityIds, IReadOnlySet<int> OrganisationIds);

/// <summary>
/// Tells open dashboards that figures changed, after the change is committed. The in-process implementation serves
/// one server; several instances would put a message bus (e.g. a Redis channel or a SignalR backplane) behind the
/// same interface.
/// </summary>
public interface IFigureChangeFeed
{
    void Publish(FigureChange change);

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

    public long VersionOf(int campaignId) => versions.GetValueOrDefault(campaignId);

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
