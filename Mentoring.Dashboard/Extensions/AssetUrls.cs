using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Mentoring.Dashboard.Extensions;

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
