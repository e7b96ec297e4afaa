namespace Frontdesk.Tickets.UpdateTicket;

/// <summary>Changes to a ticket (staff only). Leave a field out to keep it; an empty string clears team, assignee, owner and category.</summary>
/// <param name="Status">Status name or id; the workflow decides which moves are allowed.</param>
/// <param name="Priority">A priority to set by hand (needs <paramref name="PriorityReason"/>), or <c>auto</c> to let the matrix decide again.</param>
/// <param name="Assignee">Person id or e-mail of an agent.</param>
/// <param name="Owner">Person id or e-mail of the agent accountable for the whole lifecycle.</param>
/// <param name="Tags">The full new set of tags.</param>
internal sealed record UpdateTicketRequest(
    string? Subject = null,
    string? Status = null,
    string? Type = null,
    string? Impact = null,
    string? Urgency = null,
    string? Priority = null,
    string? PriorityReason = null,
    string? Team = null,
    string? Assignee = null,
    string? Owner = null,
    string? Category = null,
    IReadOnlyList<string>? Tags = null);
