namespace Frontdesk.Email.Domain;

public enum InboundMailStatus
{
    /// <summary>Stored raw, not processed yet (a crash between the two leaves it here for the next poll).</summary>
    Received,

    /// <summary>Became a ticket or a message on one.</summary>
    Processed,

    /// <summary>Kept on purpose without a ticket: our own mail, a duplicate, a blocked sender.</summary>
    Ignored,

    /// <summary>Could not be processed; kept raw for an admin to retry or release.</summary>
    Quarantined,
}

/// <summary>
/// One mail taken from a mailbox. The raw MIME is in the blob store before anything else
/// happens, so a mail is never lost, whatever the parser makes of it.
/// </summary>
public sealed class InboundMail
{
    /// <summary>Raw mails above this are refused by the blob store; a mailbox's limit for processing is far lower.</summary>
    public const long MaxRawBytes = 512L * 1024 * 1024;

    public long Id { get; set; }
    public long MailboxId { get; set; }
    public long UidValidity { get; set; }
    public long Uid { get; set; }
    public string? MessageId { get; set; }
    public string? FromAddress { get; set; }
    public string? Subject { get; set; }
    public required string RawSha256 { get; set; }
    public long Size { get; set; }
    public InboundMailStatus Status { get; set; }

    /// <summary>Why it was ignored or quarantined, in words an admin understands.</summary>
    public string? Reason { get; set; }
    public long? TicketId { get; set; }
    public long? TicketMessageId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}
