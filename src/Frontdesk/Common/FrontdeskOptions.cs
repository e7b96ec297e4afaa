namespace Frontdesk.Common;

/// <summary>The <c>Frontdesk</c> configuration section (environment: <c>Frontdesk__Key</c>).</summary>
public sealed class FrontdeskOptions
{
    public const string Section = "Frontdesk";

    /// <summary>Where the SQLite file, blobs and keys live. Default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>This node's name in leases, the same across restarts; by default the machine and a hash of its data directory and addresses.</summary>
    public string? NodeName { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();

    public BootstrapOptions Bootstrap { get; set; } = new();

    public AttachmentOptions Attachments { get; set; } = new();

    public EmailOptions Email { get; set; } = new();

    public TicketOptions Tickets { get; set; } = new();

    public RedisOptions Redis { get; set; } = new();
}

/// <summary>Redis joins two or more nodes into one desk: the broadcast of changes and the SignalR backplane.</summary>
public sealed class RedisOptions
{
    /// <summary>A StackExchange.Redis configuration string ("redis.internal:6379,password=..."); unset for one node alone.</summary>
    public string? Configuration { get; set; }
}

public sealed class TicketOptions
{
    /// <summary>
    /// Within how many hours a ticket of each priority gets its first answer: the time the
    /// acknowledgement promises ({{first answer by}}). Calendar hours; business hours come with SLAs.
    /// </summary>
    public Dictionary<Tickets.Domain.Priority, int> FirstAnswerHours { get; set; } = new()
    {
        [Tickets.Domain.Priority.Critical] = 1,
        [Tickets.Domain.Priority.High] = 4,
        [Tickets.Domain.Priority.Medium] = 8,
        [Tickets.Domain.Priority.Low] = 24,
        [Tickets.Domain.Priority.Planning] = 72,
    };
}

public sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply migrations at start-up (default true).</summary>
    public bool MigrateOnStart { get; set; } = true;
}

public sealed class DemoOptions
{
    /// <summary>Generate a demo organization when the database is empty.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seed for the demo generator, so every fresh start looks the same.</summary>
    public int Seed { get; set; } = 20261125;

    public int Tickets { get; set; } = 300;
}

public sealed class BootstrapOptions
{
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}

public sealed class AttachmentOptions
{
    /// <summary>Largest accepted upload in bytes (default 25 MB).</summary>
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;
}

public sealed class EmailOptions
{
    /// <summary>Poll mailboxes and send the outbox on this node (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Automatic answers (acknowledgements) one address gets per hour at most: stops any storm.</summary>
    public int AutoRepliesPerSenderPerHour { get; set; } = 3;

    /// <summary>How long a node holds a mailbox or an outbox mail before another may take over.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>SHA-256 thumbprints (hex) of self-signed server certificates to trust, for mail servers inside the network.</summary>
    public List<string> TrustedCertificates { get; set; } = [];

    /// <summary>On PostgreSQL, how many mails of one mailbox are processed at once (different senders'
    /// mails only; a sender's mails and replies keep their order). SQLite always takes one at a time.</summary>
    public int IntakeLanes { get; set; } = 3;

    /// <summary>What stands before the number in the subject tag: "#" gives "[#12345]", "Ticket#" gives "[Ticket#12345]".</summary>
    public string TicketTagPrefix { get; set; } = "#";

    /// <summary>Hours a ticket may wait, pending, for its requester before they get one reminder by mail (0: never).</summary>
    public int ReminderAfterHours { get; set; } = 72;

    /// <summary>What a customer's mail to a closed ticket does: open a follow-up ticket (default) or reopen it.</summary>
    public ReplyToClosed ReplyToClosed { get; set; } = ReplyToClosed.FollowUp;

    /// <summary>With <see cref="ReplyToClosed"/> = Reopen, a ticket closed longer ago than this gets a follow-up instead.</summary>
    public int ReopenWithinDays { get; set; } = 30;
}

public enum ReplyToClosed { FollowUp, Reopen }
