using System.Globalization;
using System.Runtime.CompilerServices;
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
        // bUnit 2.15.2's HtmlComparer needs AngleSharp.Diffing 1.x, which this registry lacks (PLATFORM.md).
        var comparer = typeof(BunitContext).Assembly.GetType("Bunit.Diffing.HtmlComparer", throwOnError: true)!;
        Services.AddSingleton(comparer, RuntimeHelpers.GetUninitializedObject(comparer));
        Services.AddRadzenComponents();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // RadzenChart measures itself through JS; give it a size.
        JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true)
            .SetResult(new Radzen.Blazor.Rendering.Rect { Width = 600, Height = 300 });
    }
}
