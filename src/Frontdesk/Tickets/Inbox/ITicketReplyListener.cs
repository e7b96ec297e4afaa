using Frontdesk.Tickets.Domain;

namespace Frontdesk.Tickets.Inbox;

/// <summary>
/// Told about every public reply by staff before it is saved, inside the same unit of work, so
/// what it adds (an outbox mail) is stored with the reply or not at all. Channels implement it;
/// the Tickets module does not know them.
/// </summary>
public interface ITicketReplyListener
{
    Task OnStaffReplyAsync(Ticket ticket, TicketMessage reply, CancellationToken ct);

    /// <summary>The ticket was just moved to a resolved status by staff.</summary>
    Task OnResolvedAsync(Ticket ticket, CancellationToken ct);
}
