using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.ListTickets;

namespace Frontdesk.Tickets.Messages;

/// <summary>A reply or, for staff only, an internal note.</summary>
/// <param name="Body">Plain text.</param>
/// <param name="BodyHtml">Optional HTML; sanitized.</param>
/// <param name="Internal">True for an internal note that customers never see.</param>
/// <param name="ReplyAll">For a reply by mail: copy everyone the customer's last mail was copied to.</param>
internal sealed record AddMessageRequest(string? Body, string? BodyHtml = null, bool Internal = false, bool ReplyAll = false);

/// <param name="Delivery">For a reply sent by mail (staff see it): queued, sent or failed.</param>
/// <param name="DeliveryDetail">The mail server's answer when sending failed (staff only).</param>
internal sealed record MessageDto(
    long Id,
    bool Internal,
    Channel Channel,
    PersonRef? Author,
    string Body,
    string? BodyHtml,
    DateTimeOffset CreatedAt,
    MailDelivery? Delivery = null,
    string? DeliveryDetail = null);
