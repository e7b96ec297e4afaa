namespace Frontdesk.Email.Domain;

internal enum InboundMailStatus
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

/// <summary>What became of a mail, as the mailbox's log shows it ("I mailed IT and nothing happened").</summary>
internal enum InboundMailOutcome
{
    /// <summary>Taken and stored, not decided yet.</summary>
    Received,

    /// <summary>Opened a ticket; acknowledged unless the reason says why not (too many automatic mails to that address).</summary>
    Ticket,

    /// <summary>Added as a message to the ticket it answers.</summary>
    Message,

    /// <summary>Opened a ticket without an acknowledgement: an automatic reply, bulk or list mail.</summary>
    AutoReply,

    /// <summary>A delivery report: noted on the ticket whose mail bounced, the address marked as failing.</summary>
    Bounce,

    /// <summary>The same Message-ID is on a ticket already.</summary>
    Duplicate,

    /// <summary>Sent from one of our own mailboxes.</summary>
    OwnMail,

    /// <summary>The sender or their domain is blocked.</summary>
    Blocked,

    /// <summary>Could not be processed; kept for an admin.</summary>
    Quarantined,
}

/// <summary>
/// One mail taken from a mailbox. The raw MIME is in the blob store before anything else
/// happens, so a mail is never lost, whatever the parser makes of it.
/// </summary>
internal sealed class InboundMail
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

    /// <summary>What became of it, in more detail than <see cref="Status"/>.</summary>
    public InboundMailOutcome Outcome { get; set; }

    /// <summary>Why it was ignored or quarantined, in words an admin understands.</summary>
    public string? Reason { get; set; }
    public long? TicketId { get; set; }
    public long? TicketMessageId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Records what became of the mail: its outcome, the status that follows from it, why, and when.</summary>
    public void Decide(InboundMailOutcome outcome, string? reason, DateTimeOffset at)
    {
        if (outcome == InboundMailOutcome.Received) throw new ArgumentException("A decision is more than 'received'.", nameof(outcome));
        Outcome = outcome;
        Status = outcome switch
        {
            InboundMailOutcome.Ticket or InboundMailOutcome.Message or InboundMailOutcome.AutoReply or InboundMailOutcome.Bounce => InboundMailStatus.Processed,
            InboundMailOutcome.Quarantined => InboundMailStatus.Quarantined,
            _ => InboundMailStatus.Ignored,
        };
        Reason = Common.Text.Clip.To(reason, 2000);
        ProcessedAt = at;
    }
}
