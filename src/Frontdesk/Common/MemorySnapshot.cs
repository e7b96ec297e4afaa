using Microsoft.Extensions.Caching.Memory;

namespace Frontdesk.Common;

/// <summary>
/// Rows that every request needs and that change rarely (statuses, team names, mailboxes,
/// templates), kept in memory as one read-only snapshot. Changes through this node call
/// <see cref="Evict"/>; a change made on another node shows here within <see cref="Lifetime"/>.
/// </summary>
internal sealed class MemorySnapshot<T>(IMemoryCache cache, string key) where T : class
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public void Evict() => cache.Remove(key);

    public async Task<T> GetAsync(Func<Task<T>> load)
    {
        if (cache.TryGetValue(key, out T? snapshot)) return snapshot!;
        snapshot = await load();
        cache.Set(key, snapshot, Lifetime);
        return snapshot;
    }

    /// <summary>Looks something up in the snapshot; when it is not there (added a moment ago on another node), reloads once.</summary>
    public async Task<TFound?> FindAsync<TFound>(Func<Task<T>> load, Func<T, TFound?> find)
    {
        var found = find(await GetAsync(load));
        if (found is not null) return found;
        Evict();
        return find(await GetAsync(load));
    }
}
