using Microsoft.Extensions.Caching.Memory;

namespace Mentoring.Dashboard.Services.Live;

/// <summary>
/// Results shared by every circuit that shows them, keyed by the version of what they were computed from: a campaign's
/// (<see cref="Data.CampaignVersion"/>) for its figures, a region's for a page model built from several of its
/// campaigns. Fifty officials watching one region while data arrives compute it once per change, not fifty times
/// (measured by the fan-out benchmark). Callers check the user's access before asking, or put the user's scope into the
/// key; what is shared under a key holds nothing another user of that key may not see.
/// </summary>
public sealed class SharedFigures(IFigureChangeFeed feed)
{
    // Bounded: a national view touches thousands of territories; the least recently used ones go first.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 5_000 });

    // MemoryCache.GetOrCreate is not atomic: threads arriving together would each create (and compute) an entry. The
    // lock covers only creating the Lazy; the computation runs outside it, once.
    private readonly Lock creating = new();

    /// <summary>The result for <paramref name="key"/> in the campaign's current version, computed once however many ask.</summary>
    public Task<T> GetAsync<T>(int campaignId, string key, Func<Task<T>> compute) =>
        // The version is read before the data, so a result read during a commit is filed under the older version.
        GetAsync(feed.VersionOf(campaignId) is { } version ? ("campaign", campaignId, version, key) : null, compute);

    /// <summary>The result for <paramref name="key"/> after the region's latest change this instance has heard.</summary>
    public Task<T> GetForRegionAsync<T>(int regionId, object key, Func<Task<T>> compute) =>
        GetAsync(feed.RegionVersionOf(regionId) is { } version ? ("region", regionId, version, key) : null, compute);

    private async Task<T> GetAsync<T>(object? entryKey, Func<Task<T>> compute)
    {
        if (entryKey is null)
            return await compute(); // changes may go unheard right now: nothing is kept that could outlive them
        var mine = new Lazy<Task<T>>(compute, LazyThreadSafetyMode.ExecutionAndPublication);
        Lazy<Task<T>> shared;
        lock (creating)
        {
            shared = cache.GetOrCreate(entryKey, entry =>
            {
                entry.Size = 1;
                entry.SlidingExpiration = TimeSpan.FromMinutes(10);
                return mine;
            })!;
        }
        try
        {
            return await shared.Value;
        }
        catch when (!ReferenceEquals(shared, mine))
        {
            // Computed by another circuit, which may have gone away meanwhile: this one tries on its own.
            cache.Remove(entryKey);
            return await compute();
        }
        catch
        {
            cache.Remove(entryKey); // a failed computation is not shared; the next caller tries again
            throw;
        }
    }
}
