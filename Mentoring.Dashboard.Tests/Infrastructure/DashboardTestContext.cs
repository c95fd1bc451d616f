using System.Globalization;
using Bunit;
using Mentoring.Dashboard.Theme;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Mentoring.Dashboard.Tests.Infrastructure;

/// <summary>bUnit context with MudBlazor and the dashboard theme registered, and the culture pinned to ru-RU.</summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    protected DashboardTestContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, RussianMudLocalizer>();
        Services.AddSingleton(DashboardTheme.Load(DashboardTheme.DefaultPath));
        Services.AddSingleton(new Mentoring.Dashboard.Extensions.AssetUrls(Mentoring.Dashboard.Extensions.AssetsExtensions.Folder));
        // MudBlazor's components call their own JS (popovers, scroll, resize); none of it matters to the markup asserted.
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // Some MudBlazor services are only asynchronously disposable; xunit then disposes the context this way first.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
