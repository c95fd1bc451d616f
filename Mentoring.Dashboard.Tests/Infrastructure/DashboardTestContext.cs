using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace Mentoring.Dashboard.Tests.Infrastructure;

/// <summary>bUnit context with Radzen registered and the culture pinned to ru-RU.</summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
        Services.AddRadzenComponents();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // RadzenChart measures itself through JS; give it a size.
        JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true)
            .SetResult(new Radzen.Blazor.Rendering.Rect { Width = 600, Height = 300 });
    }
}
