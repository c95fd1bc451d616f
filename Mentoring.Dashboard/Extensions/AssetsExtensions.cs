using System.Collections.Concurrent;
using System.Security.Cryptography;
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

/// <summary>
/// Our own assets' URLs with a fingerprint of their content («assets/css/dashboard.css?v=3f2a…»): a new build with a
/// changed file gives it a new URL, so no browser keeps the old script or stylesheet. Computed once per file.
/// </summary>
public sealed class AssetUrls(string folder)
{
    public const string VersionKey = "v";

    private readonly ConcurrentDictionary<string, string> urls = new();

    /// <param name="path">Relative to wwwroot-assets: «css/dashboard.css».</param>
    public string this[string path] => urls.GetOrAdd(path, p =>
    {
        using var file = File.OpenRead(Path.Combine(folder, p));
        return $"assets/{p}?{VersionKey}={Convert.ToHexStringLower(SHA256.HashData(file))[..12]}";
    });
}
