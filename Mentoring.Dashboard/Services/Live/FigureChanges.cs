using System.Collections.Concurrent;
using System.Collections.Immutable;
using Mentoring.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Live;

/// <summary>
/// Figures of these organisations (and so of their municipalities and region) changed in a campaign, which is now at
/// <see cref="Version"/> (<see cref="CampaignVersion"/>).
/// </summary>
public sealed record FigureChange(int CampaignId, int RegionId, IReadOnlySet<int> MunicipalityIds, IReadOnlySet<int> OrganisationIds)
{
    public long Version { get; init; }

    /// <summary>Every figure of the campaign (its state changed, or its changes went unheard): every page of its region reloads.</summary>
    public static async Task<FigureChange> WholeCampaignAsync(MentoringDbContext db, int campaignId, int regionId, CancellationToken ct = default)
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Municipality.RegionId == regionId)
            .Select(o => new { o.Id, o.MunicipalityId }).ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.RegionId == regionId).Select(m => m.Id).ToListAsync(ct);
        return new FigureChange(campaignId, regionId, municipalities.ToHashSet(), organisations.Select(o => o.Id).ToHashSet());
    }
}

/// <summary>
/// Tells open dashboards that figures changed, exactly when the change is committed:
/// <see cref="InProcessFigureChangeFeed"/> on one server (SQLite), <see cref="PostgreSqlFigureChangeFeed"/> across
/// every instance on one PostgreSQL database.
/// </summary>
public interface IFigureChangeFeed
{
    /// <summary>
    /// Inside the write's transaction, before its commit: moves the campaign's version and, on PostgreSQL, queues the
    /// notification the database delivers to every instance at the commit (and drops with a rollback).
    /// </summary>
    Task<FigureChange> AnnounceAsync(MentoringDbContext db, FigureChange change, CancellationToken ct = default);

    /// <summary>After the commit: this instance's listeners hear the announced change at once.</summary>
    void Committed(FigureChange announced);

    /// <summary>
    /// The campaign's version as far as this instance knows it for sure; null while it cannot know (its notifications
    /// are disconnected), when nothing computed may be reused. It moves before any listener runs.
    /// </summary>
    long? VersionOf(int campaignId);

    /// <summary>
    /// How many changes of the region this instance has heard (a page model built from several of its campaigns is
    /// shared under it); null while the instance cannot know, as <see cref="VersionOf"/>.
    /// </summary>
    long? RegionVersionOf(int regionId);

    /// <summary>The handler runs on the publisher's thread; dispose the result to stop listening.</summary>
    IDisposable Subscribe(Action<FigureChange> handler);
}

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

/// <summary>
/// Test-only faults an instance can be started with (configuration section «FaultInjection»): the tests of exactly-once
/// notification kill an instance between a write's commit and everything it does afterwards.
/// </summary>
public sealed class FaultInjection(IConfiguration configuration)
{
    private readonly bool killAfterCommit = configuration.GetValue<bool>("FaultInjection:KillAfterCommit");

    public void AfterCommit()
    {
        if (killAfterCommit)
            System.Diagnostics.Process.GetCurrentProcess().Kill(); // as abrupt as «kill -9»
    }
}
