using Mentoring.Dashboard.Services.Live;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mentoring.Dashboard.Tests.Live;

/// <summary>Two feeds on one PostgreSQL database stand for two dashboard instances.</summary>
public sealed class PostgreSqlFigureChangeFeedTests(PostgreSqlSeededDatabase database) : IClassFixture<PostgreSqlSeededDatabase>, IAsyncLifetime
{
    private PostgreSqlFigureChangeFeed a = null!;
    private PostgreSqlFigureChangeFeed b = null!;

    public async Task InitializeAsync()
    {
        a = await StartAsync();
        b = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await a.StopAsync(CancellationToken.None);
        await b.StopAsync(CancellationToken.None);
        a.Dispose();
        b.Dispose();
    }

    [Fact]
    public async Task AChangeCommittedOnOneInstance_ReachesTheOther_AndItsOwnListenersOnce_WithTheDatabasesVersion()
    {
        var campaign = await database.LatestCampaignIdAsync("krasnoyarsk");
        var heardOnA = new List<FigureChange>();
        var heardOnB = new TaskCompletionSource<FigureChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onA = a.Subscribe(heardOnA.Add);
        using var onB = b.Subscribe(change => heardOnB.TrySetResult(change));
        var before = await StoredVersionAsync(campaign);

        await CommitAsync(a, new FigureChange(campaign, 3, new HashSet<int> { 21 }, new HashSet<int> { 301, 302 }));

        var received = await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((campaign, 3, before + 1), (received.CampaignId, received.RegionId, received.Version));
        Assert.Equal([21], received.MunicipalityIds.Order());
        Assert.Equal([301, 302], received.OrganisationIds.Order());
        // a's own notification comes back too, and must not be dispatched again. A later one from b reaches a after it
        // (one channel, commit order): once a has heard that one, it has read past its own, without waiting on a clock.
        await CommitAsync(b, new FigureChange(campaign, 3, new HashSet<int> { 21 }, new HashSet<int> { 303 }));
        await WaitUntilAsync(() => heardOnA.Count >= 2);
        Assert.Equal([before + 1, before + 2], heardOnA.Select(c => c.Version));
        Assert.Equal((before + 2, before + 2, before + 2), (a.VersionOf(campaign), b.VersionOf(campaign), await StoredVersionAsync(campaign)));
    }

    [Fact]
    public async Task AWriteRolledBack_IsAnnouncedToNobody_AndLeavesTheVersion()
    {
        var campaign = await database.LatestCampaignIdAsync("krasnodar");
        var heard = new List<FigureChange>();
        using var onA = a.Subscribe(heard.Add);
        using var onB = b.Subscribe(heard.Add);
        var before = await StoredVersionAsync(campaign);

        await using (var db = await database.Factory.CreateDbContextAsync())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await a.AnnounceAsync(db, new FigureChange(campaign, 1, new HashSet<int>(), new HashSet<int>()));
            await transaction.RollbackAsync();
        }
        // A change committed after it is heard; had the rolled-back one been sent, it would be heard first.
        await CommitAsync(a, new FigureChange(campaign, 1, new HashSet<int> { 7 }, new HashSet<int>()));

        await WaitUntilAsync(() => heard.Count == 2);
        Assert.All(heard, change => Assert.Equal((7, before + 1), (change.MunicipalityIds.Single(), change.Version)));
    }

    [Fact]
    public async Task AnInstanceGoneRightAfterItsCommit_StillReachesTheOther()
    {
        var campaign = await database.LatestCampaignIdAsync("tomsk");
        var heardOnB = new TaskCompletionSource<FigureChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onB = b.Subscribe(change => heardOnB.TrySetResult(change));

        // Committed, and the writing instance never gets to do anything afterwards (no Committed call).
        await using (var db = await database.Factory.CreateDbContextAsync())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await a.AnnounceAsync(db, new FigureChange(campaign, 2, new HashSet<int> { 5 }, new HashSet<int> { 50 }));
            await transaction.CommitAsync();
        }

        var received = await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((campaign, 50), (received.CampaignId, received.OrganisationIds.Single()));
    }

    [Fact]
    public async Task AChangeTooLargeForANotification_ReachesTheOtherInstance_WithTheMunicipalitysSchoolsFromTheDatabase()
    {
        var campaign = await database.LatestCampaignIdAsync("krasnoyarsk");
        var municipality = await database.MunicipalityIdAsync("город Красноярск");
        await using var db = await database.Factory.CreateDbContextAsync();
        var schools = await db.Organisations.Where(o => o.MunicipalityId == municipality).Select(o => o.Id).OrderBy(id => id).ToArrayAsync();
        var heardOnB = new TaskCompletionSource<FigureChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onB = b.Subscribe(change => heardOnB.TrySetResult(change));

        // 3 000 ids do not fit into PostgreSQL's 8 000-byte payload.
        await CommitAsync(a, new FigureChange(campaign, 1, new HashSet<int> { municipality }, Enumerable.Range(1_000_000, 3_000).ToHashSet()));

        var received = await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(schools, received.OrganisationIds.Order().ToArray());
    }

    [Fact]
    public async Task SharedFiguresOnTheOtherInstance_AreComputedAfresh_AfterAChange()
    {
        var campaign = await database.LatestCampaignIdAsync("kuzbass");
        var shared = new SharedFigures(b);
        var computed = 0;
        Task<int> Compute() => Task.FromResult(Interlocked.Increment(ref computed));
        Assert.Equal(1, await shared.GetAsync(campaign, "figures", Compute));
        Assert.Equal(1, await shared.GetAsync(campaign, "figures", Compute));
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onB = b.Subscribe(_ => heard.TrySetResult());

        await CommitAsync(a, new FigureChange(campaign, 1, new HashSet<int>(), new HashSet<int>()));
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, await shared.GetAsync(campaign, "figures", Compute));
    }

    [Fact]
    public async Task AChangeMissedWhileDisconnected_IsFoundByComparingVersions_AndAnnouncedForTheWholeRegion()
    {
        var campaign = await database.CampaignIdAsync("krasnoyarsk", new DateOnly(2023, 5, 15));
        var region = await database.RegionIdAsync("krasnoyarsk");
        var (heardOnB, onB) = FirstChangeOf(b, campaign);
        using var _ = onB;

        // A write whose notification never arrived: the version moved in the database, and nothing was sent.
        await using (var db = await database.Factory.CreateDbContextAsync())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Mentoring.Dashboard.Data.CampaignVersion.NextAsync(db, campaign, CancellationToken.None);
            await transaction.CommitAsync();
        }
        var stored = await StoredVersionAsync(campaign);
        Assert.NotEqual(stored, b.VersionOf(campaign));
        // The listening connections drop; the feeds reconnect and compare.
        await using (var db = await database.Factory.CreateDbContextAsync())
            await db.Database.ExecuteSqlRawAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %'");

        var received = await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((region, stored), (received.RegionId, received.Version));
        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal(await check.Organisations.CountAsync(o => o.Municipality.RegionId == region), received.OrganisationIds.Count);
        await WaitUntilAsync(() => b.IsListening);
        Assert.Equal(stored, b.VersionOf(campaign));
    }

    [Fact]
    public async Task AnOwnCommitWhoseAnswerWasLost_IsFoundByComparingVersions_AndHeardByTheInstancesOwnListeners()
    {
        var campaign = await database.CampaignIdAsync("krasnodar", new DateOnly(2022, 8, 1));
        var (heardOnA, onA) = FirstChangeOf(a, campaign);
        using var _ = onA;

        // Committed and notified, but a never learnt it (its own notification is skipped): what a lost answer leaves.
        await using (var db = await database.Factory.CreateDbContextAsync())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await a.AnnounceAsync(db, new FigureChange(campaign, 1, new HashSet<int>(), new HashSet<int>()));
            await transaction.CommitAsync();
        }
        var stored = await StoredVersionAsync(campaign);
        Assert.NotEqual(stored, a.VersionOf(campaign));

        a.CommitUnconfirmed();

        var received = await heardOnA.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(stored, received.Version);
        Assert.Equal(stored, a.VersionOf(campaign));
    }

    private async Task CommitAsync(IFigureChangeFeed feed, FigureChange change)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var announced = await feed.AnnounceAsync(db, change);
        await transaction.CommitAsync();
        feed.Committed(announced);
    }

    /// <summary>The first change of the campaign the feed's listeners hear; dispose the subscription when done.</summary>
    private static (TaskCompletionSource<FigureChange> Heard, IDisposable Subscription) FirstChangeOf(IFigureChangeFeed feed, int campaign)
    {
        var heard = new TaskCompletionSource<FigureChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        return (heard, feed.Subscribe(change =>
        {
            if (change.CampaignId == campaign)
                heard.TrySetResult(change);
        }));
    }

    private async Task<long> StoredVersionAsync(int campaign)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await db.CampaignVersions.Where(v => v.CampaignId == campaign).Select(v => v.Version).SingleOrDefaultAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !condition(); await Task.Delay(20))
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "The condition did not come true within 10 s.");
    }

    private async Task<PostgreSqlFigureChangeFeed> StartAsync()
    {
        var feed = new PostgreSqlFigureChangeFeed(database.Settings, database.Factory,
            NullLogger<PostgreSqlFigureChangeFeed>.Instance, NullLogger<InProcessFigureChangeFeed>.Instance);
        await feed.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => feed.IsListening);
        return feed;
    }
}
