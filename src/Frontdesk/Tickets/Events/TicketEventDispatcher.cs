using Frontdesk.Database;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Tickets.Events;

/// <summary>
/// Hears a ticket's changes inside the unit of work, before it is stored. What a handler adds (an
/// outbox mail, later an SLA due time or a routing decision) is stored with the change, or not at
/// all. Scoped: it shares the unit of work's database context. It must not save; and a unit of
/// work whose save failed is thrown away (or its tracker cleared), never saved again as it is, or
/// what the handlers added would be added twice.
/// </summary>
internal interface ITicketChangeHandler
{
    Task HandleAsync(Ticket ticket, TicketChange change, CancellationToken ct);
}

/// <summary>A ticket as it was committed, with what happened to it in that commit.</summary>
internal sealed record CommittedTicket(long TicketId, long RequesterId, long? OrganizationId, int Version, IReadOnlyList<TicketChange> Changes)
{
    public bool CustomerVisible => Changes.Any(c => c.CustomerVisible);
}

/// <summary>Told once changes are committed (live pages, the broadcast to other nodes). Singleton; must not throw.</summary>
internal interface ITicketCommitListener
{
    void OnCommitted(IReadOnlyList<CommittedTicket> tickets);
}

/// <summary>
/// The one place ticket changes are dispatched, whichever path made them (API, pages, mail,
/// reminders, demo data): every save of the database context passes here. Before the save, each
/// change is given to the <see cref="ITicketChangeHandler"/>s of the unit of work; after the
/// commit (the save itself, or the surrounding transaction's commit), the changes are taken off
/// the tickets and given to the <see cref="ITicketCommitListener"/>s. A failed save keeps them on
/// the tickets, so a retry (group commit stores a failed group one by one) dispatches them again.
/// </summary>
internal sealed class TicketEventDispatcher(IEnumerable<ITicketCommitListener> listeners, ILogger<TicketEventDispatcher> log)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ITicketCommitListener[] _listeners = listeners.ToArray();

    /// <summary>Changes saved inside a transaction that has not committed yet, per context.</summary>
    private readonly ConditionalWeakTable<DbContext, List<CommittedTicket>> _waiting = new();

    /// <summary>Set while handlers run: a save they cause (they should not) neither runs them again nor takes the changes.</summary>
    private static readonly AsyncLocal<bool> Handling = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is FrontdeskDbContext db) await HandleAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is FrontdeskDbContext db) HandleAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static async Task HandleAsync(FrontdeskDbContext db, CancellationToken ct)
    {
        if (Handling.Value) return;
        var tickets = Changed(db);
        if (tickets.Count == 0) return;
        var handlers = db.Services?.GetServices<ITicketChangeHandler>().ToArray()
            ?? throw new InvalidOperationException("Ticket changes are saved only through a database context from a service scope, so their handlers run.");
        Handling.Value = true;
        try
        {
            var heard = new Dictionary<Ticket, int>(ReferenceEqualityComparer.Instance);
            // A handler may change a ticket again, or another one; what that records is heard in the same pass.
            while (tickets.Count > 0)
            {
                foreach (var ticket in tickets)
                {
                    var changes = ticket.PendingChanges();
                    for (var i = heard.GetValueOrDefault(ticket); i < changes.Count; i++)
                    {
                        foreach (var handler in handlers) await handler.HandleAsync(ticket, changes[i], ct);
                    }
                    heard[ticket] = changes.Count;
                }
                tickets = Changed(db).Where(t => t.PendingChanges().Count > heard.GetValueOrDefault(t)).ToList();
            }
        }
        finally
        {
            Handling.Value = false;
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not FrontdeskDbContext db || Handling.Value) return;
        var tickets = Changed(db);
        if (tickets.Count == 0) return;
        var committed = tickets.Select(t => new CommittedTicket(t.Id, t.RequesterId, t.OrganizationId, t.Version, t.TakeChanges())).ToList();
        if (db.Database.CurrentTransaction is null) Tell(committed);
        else _waiting.GetOrCreateValue(db).AddRange(committed);
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_waiting.TryGetValue(context, out var waiting) || waiting.Count == 0) return;
        var committed = waiting.ToList();
        waiting.Clear();
        Tell(committed);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _waiting.TryGetValue(context, out var waiting)) waiting.Clear();
    }

    private void Tell(List<CommittedTicket> committed)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                listener.OnCommitted(committed);
            }
            catch (Exception e)
            {
                // What is committed stays committed; a listener that fails loses only its own news.
                log.LogError(e, "{Listener} failed on {Count} committed ticket changes", listener.GetType().Name, committed.Count);
            }
        }
    }

    /// <summary>Tracked tickets with changes not yet dispatched.</summary>
    private static List<Ticket> Changed(FrontdeskDbContext db)
    {
        // The changes are the ticket's own list, not EF Core's state: no change detection is needed
        // to find them (the save runs it once, as it always did).
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var changed = new List<Ticket>();
            foreach (var entry in db.ChangeTracker.Entries<Ticket>())
            {
                if (entry.Entity.PendingChanges().Count > 0) changed.Add(entry.Entity);
            }
            return changed;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
