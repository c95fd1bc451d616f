using Microsoft.Extensions.Caching.Memory;

namespace Mentoring.Dashboard.Services.Live;

/// <summary>
/// Territory figures shared by every circuit that shows them, keyed by their campaign's version (<see cref="Data.CampaignVersion"/>): fifty
/// officials watching one region while data arrives compute its figures once per change, not fifty times (measured
/// by the fan-out benchmark). Callers check the user's access before asking; what is shared holds no user's data.
/// </summary>
public sealed class SharedFigures(IFigureChangeFeed feed)
{
    // Bounded: a national view touches thousands of territories; the least recently used ones go first.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 5_000 });

    // MemoryCache.GetOrCreate is not atomic: threads arriving together would each create (and compute) an entry. The
    // lock covers only creating the Lazy; the computation runs outside it, once.
    private readonly Lock creating = new();

    /// <summary>The result for <paramref name="key"/> in the campaign's current version, computed once however many ask.</summary>
    public async Task<T> GetAsync<T>(int campaignId, string key, Func<Task<T>> compute)
    {
        // The version is read before the data, so a result read during a commit is filed under the older version.
        if (feed.VersionOf(campaignId) is not { } version)
            return await compute(); // changes may go unheard right now: nothing is kept that could outlive them
        var entryKey = (campaignId, version, key);
        Lazy<Task<T>> shared;
        lock (creating)
        {
            shared = cache.GetOrCreate(entryKey, entry =>
            {
                entry.Size = 1;
                entry.SlidingExpiration = TimeSpan.FromMinutes(10);
                return new Lazy<Task<T>>(compute, LazyThreadSafetyMode.ExecutionAndPublication);
            })!;
        }
        try
        {
            return await shared.Value;
        }
        catch
        {
            cache.Remove(entryKey); // a failed computation is not shared; the next caller tries again
            throw;
        }
    }
}
