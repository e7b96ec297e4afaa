using Frontdesk.Database;
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
internal sealed class TicketCatalog(IMemoryCache cache)
{
    private readonly MemorySnapshot<Snapshot> _snapshot = new(cache, "ticket-catalog");

    public sealed record Snapshot(IReadOnlyList<TicketStatus> Statuses, PriorityMatrix Matrix, IReadOnlyDictionary<long, string> Categories)
    {
        /// <summary>The status the workflow picks for a category: its default, else the first.</summary>
        public TicketStatus DefaultStatus(StatusCategory category) =>
            Statuses.Where(s => s.Category == category).OrderByDescending(s => s.IsDefaultForCategory).ThenBy(s => s.SortOrder).First();

        public TicketStatus Status(int id) => Statuses.First(s => s.Id == id);

        /// <summary>
        /// A status as people write it, the same wherever a status is given: its id, its name in any
        /// case ("waiting for vendor"), or a category ("open", "pending": the category's default status).
        /// A status name wins over a category of the same spelling.
        /// </summary>
        public TicketStatus? FindStatus(string value)
        {
            var text = value.Trim();
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                return Statuses.FirstOrDefault(s => s.Id == id);
            }
            return Statuses.FirstOrDefault(s => string.Equals(s.Name, text, StringComparison.OrdinalIgnoreCase))
                ?? (TryCategory(text, out var category)
                    ? Statuses.Where(s => s.Category == category).OrderByDescending(s => s.IsDefaultForCategory).ThenBy(s => s.SortOrder).FirstOrDefault()
                    : null);
        }

        /// <summary>
        /// A word of the list filter: a category takes every status in it ("open"), else a status
        /// by name or id takes just that one ("waiting for vendor"). Null when it is neither.
        /// </summary>
        public (StatusCategory? Category, TicketStatus? Status)? FilterWord(string word)
        {
            if (TryCategory(word.Trim(), out var category)) return (category, null);
            return FindStatus(word) is { } status ? (null, status) : null;
        }

        /// <summary>A category by its name in any case ("pending"); never a number.</summary>
        private static bool TryCategory(string text, out StatusCategory category)
        {
            category = default;
            return !int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _)
                && Enum.TryParse(text, ignoreCase: true, out category) && Enum.IsDefined(category);
        }

        /// <summary>What the words mean, for a message that lists them.</summary>
        public string StatusWords() =>
            string.Join(", ", Statuses.Select(s => s.Name)) + " (or a category: "
            + string.Join(", ", Enum.GetNames<StatusCategory>().Select(n => n.ToLowerInvariant())) + ")";
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
