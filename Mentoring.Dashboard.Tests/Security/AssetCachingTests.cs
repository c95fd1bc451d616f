using Mentoring.Dashboard.Extensions;
using Mentoring.Dashboard.Tests.Infrastructure;

namespace Mentoring.Dashboard.Tests.Security;

/// <summary>Our own scripts and stylesheets after an upgrade: a new content is a new URL, so no browser keeps the old one.</summary>
[Collection(DashboardAppCollection.Name)]
public class AssetCachingTests(DashboardApp app)
{
    [Fact]
    public async Task OwnAssets_CarryTheirContentsFingerprint_CachedForAYear_WhileABareUrlIsRevalidated()
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var page = await client.GetStringAsync("/account/login");
        var stylesheet = new AssetUrls(AssetsExtensions.Folder)["css/dashboard.css"];

        Assert.Contains($"href=\"{stylesheet}\"", page, StringComparison.Ordinal);
        Assert.Contains("src=\"assets/js/theme.js?v=", page, StringComparison.Ordinal);
        var fingerprinted = await client.GetAsync("/" + stylesheet);
        Assert.Equal("public, max-age=31536000, immutable", fingerprinted.Headers.CacheControl?.ToString());
        var bare = await client.GetAsync("/assets/css/dashboard.css");
        Assert.Equal("no-cache", bare.Headers.CacheControl?.ToString());
        Assert.Equal(await fingerprinted.Content.ReadAsStringAsync(), await bare.Content.ReadAsStringAsync());
    }

    [Fact]
    public void AChangedFile_GetsANewUrl()
    {
        var folder = Directory.CreateTempSubdirectory("assets-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a.css"), "body { color: black; }");
            var before = new AssetUrls(folder.FullName)["a.css"];
            File.WriteAllText(Path.Combine(folder.FullName, "a.css"), "body { color: navy; }");
            var after = new AssetUrls(folder.FullName)["a.css"];

            Assert.StartsWith("assets/a.css?v=", before, StringComparison.Ordinal);
            Assert.NotEqual(before, after);
            Assert.Equal(after, new AssetUrls(folder.FullName)["a.css"]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
