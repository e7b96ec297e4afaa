namespace Frontdesk.Email.Domain;

internal enum OutboundMailStatus
{
    Queued,
    Sent,

    /// <summary>Given up: the server refused it for good, or every retry failed.</summary>
    Failed,
}

internal enum OutboundMailKind
{
    Acknowledgement,
    AgentReply,
    Resolved,
    Reminder,
}

/// <summary>
/// The outbox: a mail written in the same transaction as the change that caused it, and sent
/// later by <c>OutboxSender</c> with retries. A crash never forgets one.
/// </summary>
internal sealed class OutboundMail
{
    public long Id { get; set; }
    public long MailboxId { get; set; }
    public long? TicketId { get; set; }
    public OutboundMailKind Kind { get; set; }
    public required string To { get; set; }
    public string? Cc { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }

    /// <summary>Our Message-ID, fixed when queued: a retry sends the same one, so clients see one mail.
    /// A reply's ticket message carries the same id, which links the two.</summary>
    public required string MessageId { get; set; }
    public string? InReplyTo { get; set; }
    public string? References { get; set; }

    /// <summary>Automatic mails carry <c>Auto-Submitted: auto-replied</c> so other robots do not answer them.</summary>
    public bool IsAutomatic { get; set; }
    public OutboundMailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The server's last answer when a send failed.</summary>
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
