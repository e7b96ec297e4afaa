using Frontdesk.Tickets.Domain;

namespace Frontdesk.Tickets.ListTickets;

/// <summary>A ticket as the API shows it.</summary>
/// <param name="Number">The ticket number people quote.</param>
/// <param name="Status">The admin-named status.</param>
/// <param name="StatusCategory">The fixed category of the status: new, open, pending, resolved, closed.</param>
/// <param name="PriorityOverrideReason">Why an agent set the priority by hand (staff only; null for customers).</param>
/// <param name="Version">Grows with every change; also sent as the ETag.</param>
internal sealed record TicketDto(
    long Number,
    string Subject,
    string Status,
    StatusCategory StatusCategory,
    TicketType Type,
    Channel Channel,
    Impact Impact,
    Urgency Urgency,
    Priority Priority,
    string? PriorityOverrideReason,
    PersonRef Requester,
    NamedRef? Organization,
    NamedRef? Team,
    PersonRef? Assignee,
    PersonRef? Owner,
    NamedRef? Category,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int Version)
{
    /// <summary>
    /// The ticket with the names of what it points to, looked up by the caller. The reason for a
    /// priority override is the desk's internal judgement: only staff get it (the history agrees).
    /// </summary>
    public static TicketDto From(Ticket t, bool forStaff, string status, PersonRef requester, NamedRef? organization, NamedRef? team,
        PersonRef? assignee, PersonRef? owner, NamedRef? category, IEnumerable<string> tags) =>
        new(t.Id, t.Subject, status, t.StatusCategory, t.Type, t.Channel, t.Impact, t.Urgency, t.Priority, forStaff ? t.PriorityOverrideReason : null,
            requester, organization, team, assignee, owner, category, tags.Order(StringComparer.Ordinal).ToList(),
            t.CreatedAt, t.UpdatedAt, t.FirstRespondedAt, t.ResolvedAt, t.ClosedAt, t.Version);
}

internal sealed record PersonRef(long Id, string Name, string Email);

internal sealed record NamedRef(long Id, string Name);
