using Bunit;
using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Live;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mentoring.Dashboard.Tests.Components;

/// <summary>Work a component starts on its own (a live update) fails where the page can show it, not in a lost task.</summary>
public class BackgroundWorkTests : DashboardTestContext
{
    [Fact]
    public async Task AFailingLiveReload_ReachesTheRenderer_InsteadOfVanishing()
    {
        var feed = new InProcessFigureChangeFeed(NullLogger<InProcessFigureChangeFeed>.Instance);
        Services.AddSingleton<IFigureChangeFeed>(feed);
        Services.AddSingleton(new UserClock(new HttpContextAccessor(), new ConfigurationBuilder().Build(), TimeProvider.System));
        Services.AddSingleton(TimeProvider.System);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<LiveUpdates>(p => p
            .Add(c => c.Concerns, _ => true)
            .Add(c => c.OnChanged, EventCallback.Factory.Create(this, () => throw new InvalidOperationException("reload failed"))));

        feed.Dispatch(new FigureChange(1, 1, new HashSet<int>(), new HashSet<int>()) { Version = 1 });

        var failure = await Renderer.UnhandledException.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("reload failed", failure.Message);
    }

    [Fact]
    public async Task ChangesHeardDuringAReload_MakeOneMoreReloadAfterThePause_NotOneEach()
    {
        var feed = new InProcessFigureChangeFeed(NullLogger<InProcessFigureChangeFeed>.Instance);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        Services.AddSingleton<IFigureChangeFeed>(feed);
        Services.AddSingleton(new UserClock(new HttpContextAccessor(), new ConfigurationBuilder().Build(), TimeProvider.System));
        Services.AddSingleton<TimeProvider>(time);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var reloads = 0;
        var firstReloadRuns = new TaskCompletionSource();
        var finishFirstReload = new TaskCompletionSource();
        var cut = Render<LiveUpdates>(p => p
            .Add(c => c.Concerns, _ => true)
            .Add(c => c.OnChanged, EventCallback.Factory.Create(this, async () =>
            {
                Interlocked.Increment(ref reloads);
                firstReloadRuns.TrySetResult();
                await finishFirstReload.Task;
            })));
        // The line is there before any change, with the time the figures were read, so the first change does not add it.
        Assert.Matches(@"^Данные загружены в \d\d:\d\d:\d\d$", cut.Find(".live-status").TextContent);
        void Change(int version) => feed.Dispatch(new FigureChange(1, 1, new HashSet<int>(), new HashSet<int>()) { Version = version });

        Change(1);
        await firstReloadRuns.Task.WaitAsync(TimeSpan.FromSeconds(5));
        for (var version = 2; version <= 11; version++)
            Change(version); // ten submissions while the page reloads
        finishFirstReload.SetResult();
        cut.WaitForAssertion(() => Assert.Matches(@"^Данные обновлены в \d\d:\d\d:\d\d$", cut.Find(".live-status").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(1, Volatile.Read(ref reloads));

        // The pause starts once the first reload is through (on a busy machine, a moment after its render): the clock
        // is moved on until the one coalesced reload has run.
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref reloads) < 2 && DateTime.UtcNow < giveUp)
        {
            time.Advance(LiveUpdates.Throttle);
            await Task.Delay(20);
        }
        Assert.Equal(2, Volatile.Read(ref reloads));
        time.Advance(LiveUpdates.Throttle * 10);
        Change(12); // after the burst, the next change reloads at once again
        cut.WaitForAssertion(() => Assert.Equal(3, Volatile.Read(ref reloads)), TimeSpan.FromSeconds(10));
    }
}
