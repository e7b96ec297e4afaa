using Frontdesk.Common.Data;
using Frontdesk.Email.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Frontdesk.Email.Mailboxes;

/// <summary>
/// The mailboxes and blocked senders every incoming mail is checked against, kept in memory
/// (read-only copies). Changes through this node evict the copy at once; a change made on another
/// node shows here within <see cref="Lifetime"/>.
/// </summary>
public sealed class MailboxCatalog(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const string Key = "mailbox-catalog";

    public sealed record Snapshot(IReadOnlyList<Mailbox> Mailboxes, IReadOnlyList<BlockedSender> BlockedSenders)
    {
        /// <summary>Every address that is one of ours: mail from them is never a ticket, and they are never copied.</summary>
        public IReadOnlySet<string> OwnAddresses { get; } = Mailboxes.Select(m => m.Address).ToHashSet(StringComparer.Ordinal);
    }

    public void Evict() => cache.Remove(Key);

    public async Task<Snapshot> GetAsync(FrontdeskDbContext db, CancellationToken ct)
    {
        if (cache.TryGetValue(Key, out Snapshot? snapshot)) return snapshot!;
        snapshot = new Snapshot(await db.Mailboxes.AsNoTracking().ToListAsync(ct), await db.BlockedSenders.AsNoTracking().ToListAsync(ct));
        cache.Set(Key, snapshot, Lifetime);
        return snapshot;
    }
}
