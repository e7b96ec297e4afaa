using Frontdesk.Common.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Frontdesk.Directory;

/// <summary>
/// Team and organization names, kept in memory: every ticket write and answer needs them, and
/// they change a few times a year. Changes through this node evict the copy at once; a change
/// made on another node shows here within <see cref="Lifetime"/>. A name not in the copy (a team
/// added a moment ago elsewhere) reloads it once before it counts as unknown.
/// </summary>
public sealed class DirectoryNames(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const string Key = "directory-names";

    public sealed record Snapshot(IReadOnlyDictionary<long, string> Teams, IReadOnlyDictionary<long, string> Organizations);

    public void Evict() => cache.Remove(Key);

    /// <summary>The team given by id or by name, or null when there is none.</summary>
    public async Task<(long Id, string Name)?> FindTeamAsync(FrontdeskDbContext db, string team, CancellationToken ct)
    {
        var found = NamedRows.Find((await GetAsync(db, ct)).Teams, team);
        if (found is not null) return found;
        Evict();
        return NamedRows.Find((await GetAsync(db, ct)).Teams, team);
    }

    public async Task<string?> TeamNameAsync(FrontdeskDbContext db, long? id, CancellationToken ct) =>
        id is null ? null : await NameAsync(db, s => s.Teams, id.Value, ct);

    public async Task<string?> OrganizationNameAsync(FrontdeskDbContext db, long? id, CancellationToken ct) =>
        id is null ? null : await NameAsync(db, s => s.Organizations, id.Value, ct);

    private async Task<string?> NameAsync(FrontdeskDbContext db, Func<Snapshot, IReadOnlyDictionary<long, string>> names, long id, CancellationToken ct)
    {
        if (names(await GetAsync(db, ct)).TryGetValue(id, out var name)) return name;
        Evict();
        return names(await GetAsync(db, ct)).GetValueOrDefault(id);
    }

    private async Task<Snapshot> GetAsync(FrontdeskDbContext db, CancellationToken ct)
    {
        if (cache.TryGetValue(Key, out Snapshot? snapshot)) return snapshot!;
        snapshot = new Snapshot(
            await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct),
            await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct));
        cache.Set(Key, snapshot, Lifetime);
        return snapshot;
    }
}
