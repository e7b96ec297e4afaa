using Frontdesk.Tickets;
using Frontdesk.Tickets.Attachments;
using Frontdesk.Tickets.History;
using Frontdesk.Tickets.ListTickets;
using Frontdesk.Tickets.Messages;
using Frontdesk.Tickets.UpdateTicket;

namespace Frontdesk.Web.Components.Agent.Tickets;

/// <summary>
/// What the workspace's parts show: the ticket as the agent last read it, its thread, history and
/// files, and what its fields may be set to. Public only because Razor components are (their
/// parameters must be); what it holds stays internal to the application.
/// </summary>
public sealed class TicketView
{
    internal TicketDto Ticket { get; init; } = null!;
    internal TicketChoicesDto Choices { get; init; } = null!;
    internal long Me { get; init; }
    internal IReadOnlyList<MessageDto> Messages { get; init; } = [];
    internal IReadOnlyList<HistoryEntryDto> History { get; init; } = [];
    internal IReadOnlyList<AttachmentDto> Attachments { get; init; } = [];
    internal bool HasMoreMessages { get; init; }
}

/// <summary>A change an agent made in the side panel, for the workspace to apply.</summary>
public sealed class FieldChange
{
    internal UpdateTicketRequest Request { get; init; } = null!;
}
