using Frontdesk.Database;
using Frontdesk.Common;
using Frontdesk.Email.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Frontdesk.Email.Mailboxes;

/// <summary>
/// The mailboxes and blocked senders every incoming mail is checked against, kept in memory
/// (read-only copies). Changes through this node evict the copy at once; a change made on another
/// node shows here within <see cref="MemorySnapshot{T}.Lifetime"/>.
/// </summary>
internal sealed class MailboxCatalog(IMemoryCache cache)
{
    private readonly MemorySnapshot<Snapshot> _snapshot = new(cache, "mailbox-catalog");

    public sealed record Snapshot(IReadOnlyList<Mailbox> Mailboxes, IReadOnlyList<BlockedSender> BlockedSenders)
    {
        /// <summary>Every address that is one of ours: mail from them is never a ticket, and they are never copied.</summary>
        public IReadOnlySet<string> OwnAddresses { get; } = Mailboxes.Select(m => m.Address).ToHashSet(StringComparer.Ordinal);
    }

    public void Evict() => _snapshot.Evict();

    public Task<Snapshot> GetAsync(FrontdeskDbContext db, CancellationToken ct) => _snapshot.GetAsync(() => LoadAsync(db, ct));

    /// <summary>A mailbox by id; one made a moment ago on another node reloads the snapshot once.</summary>
    public async Task<(Snapshot Snapshot, Mailbox Mailbox)?> FindAsync(FrontdeskDbContext db, long mailboxId, CancellationToken ct) =>
        await _snapshot.FindAsync(() => LoadAsync(db, ct),
            s => s.Mailboxes.FirstOrDefault(m => m.Id == mailboxId) is { } found ? (s, found) : ((Snapshot, Mailbox)?)null);

    private static async Task<Snapshot> LoadAsync(FrontdeskDbContext db, CancellationToken ct) =>
        new(await db.Mailboxes.AsNoTracking().ToListAsync(ct), await db.BlockedSenders.AsNoTracking().ToListAsync(ct));
}
