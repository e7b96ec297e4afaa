namespace Frontdesk.Tickets.Domain;

internal sealed class TicketTag
{
    public long TicketId { get; set; }
    public required string Tag { get; set; }
}

/// <summary>One change to a ticket: the audit trail and the timeline.</summary>
internal sealed class TicketEvent
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public long? ActorId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Field { get; set; }

    /// <summary>The name at the time of the change; readers show today's name where <see cref="OldRef"/> names the thing.</summary>
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    /// <summary>For a status, team, assignee, owner or category: the id of the old and new one, so a rename does not rewrite the trail.</summary>
    public long? OldRef { get; set; }
    public long? NewRef { get; set; }

    /// <summary>For a status change (and creation): the status categories, which reports and SLA clocks rely on.</summary>
    public StatusCategory? OldCategory { get; set; }
    public StatusCategory? NewCategory { get; set; }
}

/// <summary>A public reply or an internal note.</summary>
internal sealed class TicketMessage
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public long? AuthorId { get; set; }

    /// <summary>Internal notes are for staff only and never reach a customer by any route.</summary>
    public bool IsInternal { get; set; }
    public Channel Channel { get; set; }
    public required string BodyText { get; set; }

    /// <summary>Sanitized HTML, when the message came with HTML.</summary>
    public string? BodyHtml { get; set; }

    /// <summary>RFC 5322 Message-ID for mail in and out.</summary>
    public string? ExternalMessageId { get; set; }

    /// <summary>Addresses copied on the mail (comma separated, lower-case): kept on a reply-all.</summary>
    public string? Cc { get; set; }

    /// <summary>For a reply sent by mail: queued, sent, or failed with the server's answer.</summary>
    public MailDelivery? Delivery { get; set; }
    public string? DeliveryDetail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal enum MailDelivery
{
    Queued,
    Sent,
    Failed,
}

/// <summary>A file on a ticket; the bytes live in the blob store under <see cref="Sha256"/>.</summary>
internal sealed class Attachment
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public long? MessageId { get; set; }
    public TicketMessage? Message { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }

    /// <summary>For an image inside a mail's HTML: the Content-ID its <c>cid:</c> links name.</summary>
    public string? ContentId { get; set; }

    /// <summary>Attachments of internal notes are internal too.</summary>
    public bool IsInternal { get; set; }
    public long? UploadedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A service or category tickets are filed under ("E-mail", "Printing", "Laptops").</summary>
internal sealed class ServiceCategory
{
    public long Id { get; set; }
    public required string Name { get; set; }
}

/// <summary>Remembers an <c>Idempotency-Key</c> so a retried create returns the same ticket.</summary>
internal sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public long TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One row of text the full-text index covers: a ticket's subject or one message.</summary>
internal sealed class SearchDocument
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public long? MessageId { get; set; }
    public TicketMessage? Message { get; set; }
    public bool IsInternal { get; set; }
    public required string Text { get; set; }
}
