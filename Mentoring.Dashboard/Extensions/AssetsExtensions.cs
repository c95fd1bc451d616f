using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Mentoring.Dashboard.Extensions;

public static class AssetsExtensions
{
    /// <summary>The folder the build copies ../wwwroot-assets to, next to the app.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");

    /// <summary>
    /// Serves the front-end asset sources (theme CSS, scripts, logo, vendored ApexCharts) from the repository's
    /// wwwroot-assets folder, which the build copies next to the app, under /assets. Kept apart from MudBlazor's and
    /// Blazor's framework assets. A URL with its content's fingerprint (<see cref="AssetUrls"/>) is cached for a year;
    /// any other is revalidated, so an upgrade reaches every browser.
    /// </summary>
    public static IApplicationBuilder UseMentoringAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Folder),
            RequestPath = "/assets",
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] =
                context.Context.Request.Query.ContainsKey(AssetUrls.VersionKey) ? "public, max-age=31536000, immutable" : "no-cache",
        });
}
