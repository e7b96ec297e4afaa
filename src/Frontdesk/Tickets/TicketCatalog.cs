using Frontdesk.Common.Data;
using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Frontdesk.Tickets;

/// <summary>
/// The reference data every ticket write needs (statuses, the priority matrix, category names),
/// kept in memory. Changes through this node evict the copy at once; a change made on another
/// node shows here within <see cref="Lifetime"/>.
/// </summary>
public sealed class TicketCatalog(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const string Key = "ticket-catalog";

    public sealed record Snapshot(IReadOnlyList<TicketStatus> Statuses, PriorityMatrix Matrix, IReadOnlyDictionary<long, string> Categories)
    {
        /// <summary>The status the workflow picks for a category: its default, else the first.</summary>
        public TicketStatus DefaultStatus(StatusCategory category) =>
            Statuses.Where(s => s.Category == category).OrderByDescending(s => s.IsDefaultForCategory).ThenBy(s => s.SortOrder).First();

        public TicketStatus Status(int id) => Statuses.First(s => s.Id == id);
    }

    public void Evict() => cache.Remove(Key);

    public async Task<Snapshot> GetAsync(FrontdeskDbContext db, CancellationToken ct)
    {
        if (cache.TryGetValue(Key, out Snapshot? snapshot)) return snapshot!;
        snapshot = new Snapshot(
            await db.TicketStatuses.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct),
            await PriorityMatrices.LoadAsync(db, ct),
            await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct));
        cache.Set(Key, snapshot, Lifetime);
        return snapshot;
    }

    /// <summary>The category given by id or by name, or null when there is none.</summary>
    public async Task<(long Id, string Name)?> FindCategoryAsync(FrontdeskDbContext db, string category, CancellationToken ct)
    {
        var found = NamedRows.Find((await GetAsync(db, ct)).Categories, category);
        if (found is not null) return found;
        Evict();
        return NamedRows.Find((await GetAsync(db, ct)).Categories, category);
    }
}
