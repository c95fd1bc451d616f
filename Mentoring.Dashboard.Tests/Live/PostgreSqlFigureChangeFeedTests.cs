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
    public async Task AChangePublishedOnOneInstance_ReachesTheOther_AndItsOwnListenersOnce()
    {
        var heardOnA = new List<FigureChange>();
        var heardOnB = new TaskCompletionSource<FigureChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onA = a.Subscribe(heardOnA.Add);
        using var onB = b.Subscribe(change => heardOnB.TrySetResult(change));
        var change = new FigureChange(11, 3, new HashSet<int> { 21 }, new HashSet<int> { 301, 302 });

        await a.PublishAsync(change);

        var received = await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((11, 3), (received.CampaignId, received.RegionId));
        Assert.Equal([21], received.MunicipalityIds.Order());
        Assert.Equal([301, 302], received.OrganisationIds.Order());
        await Task.Delay(300); // a's own notification comes back too, and must not be dispatched again
        Assert.Single(heardOnA);
        Assert.Equal((1, 1), (a.VersionOf(11) & 0xFFFF_FFFF, b.VersionOf(11) & 0xFFFF_FFFF));
    }

    [Fact]
    public async Task AChangeTooLargeForANotification_ReachesTheOtherInstance_WithTheMunicipalitysSchoolsFromTheDatabase()
    {
        var municipality = await database.MunicipalityIdAsync("город Красноярск");
        await using var db = await database.Factory.CreateDbContextAsync();
        var schools = await db.Organisations.Where(o => o.MunicipalityId == municipality).Select(o => o.Id).OrderBy(id => id).ToArrayAsync();
        var heardOnB = new TaskCompletionSource<FigureChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onB = b.Subscribe(change => heardOnB.TrySetResult(change));

        // 3 000 ids do not fit into PostgreSQL's 8 000-byte payload.
        await a.PublishAsync(new FigureChange(12, 1, new HashSet<int> { municipality }, Enumerable.Range(1_000_000, 3_000).ToHashSet()));

        var received = await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(schools, received.OrganisationIds.Order().ToArray());
    }

    [Fact]
    public async Task SharedFiguresOnTheOtherInstance_AreComputedAfresh_AfterAChange()
    {
        var shared = new SharedFigures(b);
        var computed = 0;
        Task<int> Compute() => Task.FromResult(Interlocked.Increment(ref computed));
        Assert.Equal(1, await shared.GetAsync(13, "figures", Compute));
        Assert.Equal(1, await shared.GetAsync(13, "figures", Compute));
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onB = b.Subscribe(_ => heard.TrySetResult());

        await a.PublishAsync(new FigureChange(13, 1, new HashSet<int>(), new HashSet<int>()));
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, await shared.GetAsync(13, "figures", Compute));
    }

    private async Task<PostgreSqlFigureChangeFeed> StartAsync()
    {
        var feed = new PostgreSqlFigureChangeFeed(database.Settings, database.Factory,
            NullLogger<PostgreSqlFigureChangeFeed>.Instance, NullLogger<InProcessFigureChangeFeed>.Instance);
        await feed.StartAsync(CancellationToken.None);
        for (var i = 0; i < 100 && !feed.IsListening; i++)
            await Task.Delay(50);
        Assert.True(feed.IsListening);
        return feed;
    }
}
