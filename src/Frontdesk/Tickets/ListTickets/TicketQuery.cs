namespace Frontdesk.Tickets.ListTickets;

/// <summary>Filters of the ticket list, as query parameters.</summary>
/// <param name="Status">Status categories, comma separated: new, open, pending, resolved, closed.</param>
/// <param name="Team">Team id or name, or <c>mine</c>: the teams the caller belongs to.</param>
/// <param name="Assignee">Person id, e-mail, <c>me</c> or <c>none</c>.</param>
/// <param name="Requester">Person id, e-mail or <c>me</c>.</param>
/// <param name="Priority">Priorities, comma separated: critical, high, medium, low, planning.</param>
/// <param name="Q">Words that must appear in the subject or a message.</param>
/// <param name="Sort"><c>-updated</c> (default), <c>updated</c>, <c>-created</c>, <c>created</c> or <c>priority</c> (most urgent first, then the oldest).</param>
/// <param name="Limit">Page size, 1 to 100 (default 25).</param>
/// <param name="Cursor">The <c>next</c> value of the previous page.</param>
internal sealed record TicketQuery(
    string? Status = null,
    string? Team = null,
    string? Assignee = null,
    string? Requester = null,
    string? Priority = null,
    string? Q = null,
    string? Sort = null,
    int? Limit = null,
    string? Cursor = null);
