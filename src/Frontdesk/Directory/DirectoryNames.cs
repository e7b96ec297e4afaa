using Frontdesk.Database;
using Frontdesk.Common;
using Frontdesk.Common.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Frontdesk.Directory;

/// <summary>
/// Team and organization names, kept in memory: every ticket write and answer needs them, and
/// they change a few times a year. Changes through this node evict the copy at once; a change
/// made on another node shows here within <see cref="MemorySnapshot{T}.Lifetime"/>. A name not in the copy (a team
/// added a moment ago elsewhere) reloads it once before it counts as unknown.
/// </summary>
internal sealed class DirectoryNames(IMemoryCache cache)
{
    private readonly MemorySnapshot<Snapshot> _snapshot = new(cache, "directory-names");

    public sealed record Snapshot(IReadOnlyDictionary<long, string> Teams, IReadOnlyDictionary<long, string> Organizations);

    public void Evict() => _snapshot.Evict();

    /// <summary>The team given by id or by name, or null when there is none.</summary>
    public Task<(long Id, string Name)?> FindTeamAsync(FrontdeskDbContext db, string team, CancellationToken ct) =>
        _snapshot.FindAsync(() => LoadAsync(db, ct), s => NamedRows.Find(s.Teams, team));

    public async Task<string?> TeamNameAsync(FrontdeskDbContext db, long? id, CancellationToken ct) =>
        id is null ? null : await _snapshot.FindAsync(() => LoadAsync(db, ct), s => s.Teams.GetValueOrDefault(id.Value));

    public async Task<string?> OrganizationNameAsync(FrontdeskDbContext db, long? id, CancellationToken ct) =>
        id is null ? null : await _snapshot.FindAsync(() => LoadAsync(db, ct), s => s.Organizations.GetValueOrDefault(id.Value));

    private static async Task<Snapshot> LoadAsync(FrontdeskDbContext db, CancellationToken ct) => new(
        await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct),
        await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct));
}
