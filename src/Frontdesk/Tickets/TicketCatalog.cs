using Frontdesk.Common;
using Frontdesk.Common.Data;
using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Frontdesk.Tickets;

/// <summary>
/// The reference data every ticket write needs (statuses, the priority matrix, category names),
/// kept in memory. Changes through this node evict the copy at once; a change made on another
/// node shows here within <see cref="MemorySnapshot{T}.Lifetime"/>.
/// </summary>
public sealed class TicketCatalog(IMemoryCache cache)
{
    private readonly MemorySnapshot<Snapshot> _snapshot = new(cache, "ticket-catalog");

    public sealed record Snapshot(IReadOnlyList<TicketStatus> Statuses, PriorityMatrix Matrix, IReadOnlyDictionary<long, string> Categories)
    {
        /// <summary>The status the workflow picks for a category: its default, else the first.</summary>
        public TicketStatus DefaultStatus(StatusCategory category) =>
            Statuses.Where(s => s.Category == category).OrderByDescending(s => s.IsDefaultForCategory).ThenBy(s => s.SortOrder).First();

        public TicketStatus Status(int id) => Statuses.First(s => s.Id == id);
    }

    public void Evict() => _snapshot.Evict();

    public Task<Snapshot> GetAsync(FrontdeskDbContext db, CancellationToken ct) => _snapshot.GetAsync(() => LoadAsync(db, ct));

    /// <summary>The category given by id or by name, or null when there is none.</summary>
    public Task<(long Id, string Name)?> FindCategoryAsync(FrontdeskDbContext db, string category, CancellationToken ct) =>
        _snapshot.FindAsync(() => LoadAsync(db, ct), s => NamedRows.Find(s.Categories, category));

    private static async Task<Snapshot> LoadAsync(FrontdeskDbContext db, CancellationToken ct) => new(
        await db.TicketStatuses.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct),
        await PriorityMatrices.LoadAsync(db, ct),
        await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct));
}
