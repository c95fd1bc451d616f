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
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<LiveUpdates>(p => p
            .Add(c => c.Concerns, _ => true)
            .Add(c => c.OnChanged, EventCallback.Factory.Create(this, () => throw new InvalidOperationException("reload failed"))));

        feed.Dispatch(new FigureChange(1, 1, new HashSet<int>(), new HashSet<int>()) { Version = 1 });

        var failure = await Renderer.UnhandledException.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("reload failed", failure.Message);
    }
}
