namespace Frontdesk.Email.Domain;

/// <summary>How a connection to a mail server is secured.</summary>
internal enum MailSecurity
{
    /// <summary>Plain text; only for a server on the same machine or a trusted network.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (ports 143, 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (ports 993, 465).</summary>
    Tls,
}

/// <summary>
/// A support address the desk reads over IMAP and sends from over SMTP. Passwords are stored
/// encrypted with Data Protection and never leave the server.
/// </summary>
internal sealed class Mailbox
{
    public long Id { get; set; }

    /// <summary>The address customers write to, lower-case ("support@northwind.example").</summary>
    public required string Address { get; set; }
    public string? DisplayName { get; set; }

    public required string ImapHost { get; set; }
    public int ImapPort { get; set; }
    public MailSecurity ImapSecurity { get; set; }
    public required string ImapUsername { get; set; }
    public required string ImapPasswordProtected { get; set; }
    public string ImapFolder { get; set; } = "INBOX";

    /// <summary>When set, mail is moved to this folder once it is processed, so the folder read stays short.</summary>
    public string? ProcessedFolder { get; set; }

    public required string SmtpHost { get; set; }
    public int SmtpPort { get; set; }
    public MailSecurity SmtpSecurity { get; set; }
    public string? SmtpUsername { get; set; }
    public string? SmtpPasswordProtected { get; set; }

    /// <summary>New tickets from this mailbox go to this team.</summary>
    public long? TeamId { get; set; }
    public int PollSeconds { get; set; } = 60;

    /// <summary>Mails larger than this are kept raw and flagged, not parsed.</summary>
    public long MaxMessageBytes { get; set; } = 25L * 1024 * 1024;
    public bool IsActive { get; set; } = true;

    /// <summary>The folder's UIDVALIDITY when <see cref="LastUid"/> was read; a change means the UIDs were renumbered.</summary>
    public long? UidValidity { get; set; }

    /// <summary>The highest UID taken in: the next poll asks for the ones after it.</summary>
    public long LastUid { get; set; }
    public DateTimeOffset? LastPollAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The node polling this mailbox now, and until when its lease holds.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
