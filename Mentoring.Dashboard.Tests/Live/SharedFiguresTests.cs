using Mentoring.Dashboard.Services.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mentoring.Dashboard.Tests.Live;

public class SharedFiguresTests
{
    private readonly InProcessFigureChangeFeed feed = new(NullLogger<InProcessFigureChangeFeed>.Instance);

    [Fact]
    public async Task ManyCircuitsAskingAtOnce_ComputeTheFiguresOnce()
    {
        var shared = new SharedFigures(feed);
        var computations = 0;
        var release = new TaskCompletionSource();

        var asks = Enumerable.Range(0, 50).Select(_ => shared.GetAsync(7, "figures:region 1", async () =>
        {
            Interlocked.Increment(ref computations);
            await release.Task;
            return 42;
        })).ToList();
        release.SetResult();

        Assert.All(await Task.WhenAll(asks), value => Assert.Equal(42, value));
        Assert.Equal(1, computations);
    }

    [Fact]
    public async Task AfterAChangeOfTheCampaign_TheFiguresAreComputedAfresh_OtherCampaignsKeepTheirs()
    {
        var shared = new SharedFigures(feed);
        var stored = 1;
        Task<int> Read(int campaign) => shared.GetAsync(campaign, "figures", () => Task.FromResult(stored));

        Assert.Equal(1, await Read(1));
        Assert.Equal(1, await Read(2));
        stored = 2;
        Assert.Equal(1, await Read(1)); // nothing published yet: the shared result stands

        feed.Dispatch(new FigureChange(1, 1, new HashSet<int>(), new HashSet<int>()) { Version = 1 });

        Assert.Equal(2, await Read(1));
        Assert.Equal(1, await Read(2));
    }

    [Fact]
    public async Task AFailedComputation_IsNotShared()
    {
        var shared = new SharedFigures(feed);

        await Assert.ThrowsAsync<InvalidOperationException>(() => shared.GetAsync<int>(1, "x", () => throw new InvalidOperationException()));

        Assert.Equal(5, await shared.GetAsync(1, "x", () => Task.FromResult(5)));
    }

    [Fact]
    public async Task WhenAnotherCircuitsComputationFails_AWaitingCircuitComputesOnItsOwn()
    {
        var shared = new SharedFigures(feed);
        var failing = new TaskCompletionSource<int>();
        var first = shared.GetForRegionAsync(1, "page", () => failing.Task);
        var second = shared.GetForRegionAsync(1, "page", () => Task.FromResult(7));

        failing.SetException(new ObjectDisposedException("circuit")); // the first circuit went away while computing

        await Assert.ThrowsAsync<ObjectDisposedException>(() => first);
        Assert.Equal(7, await second);
    }

    [Fact]
    public void CircuitsAskingOnParallelThreads_ComputeEachResultOnce()
    {
        // Threads released together by a barrier, as circuits on a busy server are (not one after another).
        var shared = new SharedFigures(feed);
        const int threads = 8;
        var computations = new int[200];
        for (var round = 0; round < computations.Length; round++)
        {
            using var barrier = new Barrier(threads);
            var key = $"figures:region {round}";
            var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
            {
                barrier.SignalAndWait();
                shared.GetAsync(7, key, () =>
                {
                    Interlocked.Increment(ref computations[round]);
                    return Task.FromResult(round);
                }).GetAwaiter().GetResult();
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
        }

        Assert.All(computations, count => Assert.Equal(1, count));
    }
}
