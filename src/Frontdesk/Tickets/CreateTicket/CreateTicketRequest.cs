namespace Frontdesk.Tickets.CreateTicket;

/// <summary>A new ticket.</summary>
/// <param name="Subject">One line that says what is wrong or wanted (max 300 characters).</param>
/// <param name="Body">The request in plain text.</param>
/// <param name="BodyHtml">Optional HTML version of the body; it is sanitized.</param>
/// <param name="RequesterEmail">Who needs help. Unknown addresses become new people. Customers may only give their own.</param>
/// <param name="RequesterName">Name for a requester not known yet.</param>
/// <param name="Type">incident (default), service-request, question or complaint.</param>
/// <param name="Impact">low, medium (default) or high.</param>
/// <param name="Urgency">low, medium (default) or high.</param>
/// <param name="Team">Team id or name (staff only).</param>
/// <param name="Channel">email, portal, phone, walk-in, chat, api (default), monitoring.</param>
/// <param name="Category">Category id or name.</param>
/// <param name="Tags">Labels, lower-case letters, digits and dashes.</param>
internal sealed record CreateTicketRequest(
    string? Subject,
    string? Body,
    string? BodyHtml = null,
    string? RequesterEmail = null,
    string? RequesterName = null,
    string? Type = null,
    string? Impact = null,
    string? Urgency = null,
    string? Team = null,
    string? Channel = null,
    string? Category = null,
    IReadOnlyList<string>? Tags = null);
