using Frontdesk.Common.Startup;

namespace Frontdesk.Email;

/// <summary>The <c>Frontdesk:Email</c> section.</summary>
internal sealed class EmailOptions
{
    public const string Section = "Frontdesk:Email";

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

internal enum ReplyToClosed { FollowUp, Reopen }

/// <summary>The mail settings, checked before anything starts.</summary>
internal static class EmailSettingsCheck
{
    public static void Check(EmailOptions email)
    {
        var tag = email.TicketTagPrefix;
        if (tag is not { Length: >= 1 and <= 20 } || tag.Any(c => char.IsDigit(c) || char.IsWhiteSpace(c) || c is '[' or ']'))
        {
            throw new StartupProblemException(
                $"Frontdesk__Email__TicketTagPrefix is '{tag}'; use 1 to 20 characters without digits, spaces or brackets, e.g. # or Ticket#.");
        }
    }
}
