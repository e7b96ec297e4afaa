using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.ListTickets;

namespace Frontdesk.Tickets.Messages;

/// <summary>A reply or, for staff only, an internal note.</summary>
/// <param name="Body">Plain text.</param>
/// <param name="BodyHtml">Optional HTML; sanitized.</param>
/// <param name="Internal">True for an internal note that customers never see.</param>
public sealed record AddMessageRequest(string? Body, string? BodyHtml = null, bool Internal = false);

public sealed record MessageDto(
    long Id,
    bool Internal,
    Channel Channel,
    PersonRef? Author,
    string Body,
    string? BodyHtml,
    DateTimeOffset CreatedAt);
