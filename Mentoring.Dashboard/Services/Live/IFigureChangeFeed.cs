using Mentoring.Dashboard.Data;

namespace Mentoring.Dashboard.Services.Live;

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
    /// The commit's answer was lost (the connection went at that moment): the write may be in the database or not.
    /// The feed finds out from the database, once it answers, and this instance's listeners hear what changed.
    /// </summary>
    void CommitUnconfirmed();

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
