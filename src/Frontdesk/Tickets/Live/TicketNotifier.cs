using System.Text.Json;
using Frontdesk.Common.Broadcast;
using Frontdesk.Common.Http;
using Frontdesk.Tickets.Events;

namespace Frontdesk.Tickets.Live;

/// <summary>What a page hears: this ticket changed (never what changed in it: the page reads that with its caller's rights).</summary>
internal sealed record TicketSignal(long Ticket, long Requester, long? Organization, int Version, bool CustomerVisible, IReadOnlyList<string> Kinds);

/// <summary>
/// One per node: open pages subscribe here and hear about every committed ticket change on every
/// node, whichever channel made it. Committed changes go out on the node broadcast; this node's
/// one subscription to it feeds the pages. No page holds a connection of its own.
/// </summary>
internal sealed class TicketNotifier : ITicketCommitListener, IDisposable
{
    private const string Topic = "tickets";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NodeBroadcast _broadcast;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private Action<TicketSignal>[] _pages = [];

    public TicketNotifier(NodeBroadcast broadcast)
    {
        _broadcast = broadcast;
        _subscription = broadcast.Subscribe(Topic, OnMessage);
    }

    public void OnCommitted(IReadOnlyList<CommittedTicket> tickets)
    {
        foreach (var t in tickets)
        {
            var signal = new TicketSignal(t.TicketId, t.RequesterId, t.OrganizationId, t.Version, t.CustomerVisible, t.Changes.Select(c => c.Kind).Distinct().ToList());
            _broadcast.Publish(Topic, JsonSerializer.Serialize(signal, Json));
        }
    }

    /// <summary>
    /// Calls <paramref name="onChange"/> for each change the caller may hear of: staff hear every
    /// change; a customer hears only what customers may see (no internal note, no staff-only field)
    /// on tickets they requested, their organization's when it shares them with its members
    /// (<paramref name="sharedOrganization"/>, from <see cref="TicketAccess.SharedOrganizationAsync"/>),
    /// or the one ticket their page shows (which they could open).
    /// Only <paramref name="ticket"/>'s changes when given. Dispose to stop.
    /// </summary>
    public IDisposable Subscribe(Caller caller, long? ticket, long? sharedOrganization, Action<TicketSignal> onChange)
    {
        Action<TicketSignal> filtered = signal =>
        {
            if (ticket is not null && signal.Ticket != ticket) return;
            if (!caller.IsStaff && !(signal.CustomerVisible
                && (ticket is not null || signal.Requester == caller.PersonId || (sharedOrganization is not null && signal.Organization == sharedOrganization)))) return;
            onChange(signal);
        };
        lock (_gate) _pages = [.. _pages, filtered];
        return new Unsubscribe(() =>
        {
            lock (_gate) _pages = _pages.Where(p => p != filtered).ToArray();
        });
    }

    public void Dispose() => _subscription.Dispose();

    private void OnMessage(string message)
    {
        if (JsonSerializer.Deserialize<TicketSignal>(message, Json) is not { } signal) return;
        foreach (var page in _pages) page(signal);
    }

    private sealed class Unsubscribe(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}
