using System.Text.RegularExpressions;
using MimeKit;

namespace Frontdesk.Email.Intake;

internal enum MailKind
{
    /// <summary>Written by a person: may get an acknowledgement.</summary>
    Personal,

    /// <summary>Out-of-office and other robots' answers: never answered automatically.</summary>
    AutoReply,

    /// <summary>Newsletters and lists: never answered automatically.</summary>
    Bulk,

    /// <summary>A delivery report about a mail we sent.</summary>
    Bounce,
}

/// <summary>Reads the signs robots leave in headers, so robots never talk to each other through the desk.</summary>
internal static partial class MailClassifier
{
    public static MailKind Classify(MimeMessage message)
    {
        if (IsBounce(message)) return MailKind.Bounce;
        var headers = message.Headers;
        var autoSubmitted = headers[HeaderId.AutoSubmitted];
        if (autoSubmitted is not null && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase)) return MailKind.AutoReply;
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("X-Auto-Response-Suppress")) return MailKind.AutoReply;
        var precedence = headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list") return MailKind.Bulk;
        if (precedence is "auto_reply") return MailKind.AutoReply;
        if (headers.Contains(HeaderId.ListId) || headers.Contains(HeaderId.ListUnsubscribe)) return MailKind.Bulk;
        // An empty Return-Path (<>) marks mail that must not be answered (RFC 5321 §4.5.5).
        var returnPath = headers[HeaderId.ReturnPath];
        if (returnPath is not null && returnPath.Trim() is "<>" or "") return MailKind.AutoReply;
        return MailKind.Personal;
    }

    private static bool IsBounce(MimeMessage message)
    {
        if (message.Body is MultipartReport report && string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase)) return true;
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        return from.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase) || from.StartsWith("postmaster@", StringComparison.OrdinalIgnoreCase)
            ? message.BodyParts.OfType<MessageDeliveryStatus>().Any() || message.Subject?.Contains("deliver", StringComparison.OrdinalIgnoreCase) == true
            : false;
    }

    /// <summary>
    /// The ticket number in a subject tag like "[#12345]" (or, with the prefix "Ticket#",
    /// "[Ticket#12345]"), if any. The default "#" is always understood, so mails written before
    /// the prefix changed still thread.
    /// </summary>
    public static long? TicketNumber(string? subject, string prefix = DefaultTagPrefix)
    {
        if (subject is null) return null;
        foreach (Match match in TagPattern().Matches(subject))
        {
            if ((match.Groups["prefix"].Value == prefix || match.Groups["prefix"].Value == DefaultTagPrefix)
                && long.TryParse(match.Groups["number"].Value, out var number))
            {
                return number;
            }
        }
        return null;
    }

    public const string DefaultTagPrefix = "#";

    public static string Tag(long number, string prefix = DefaultTagPrefix) => $"[{prefix}{number}]";

    /// <summary>
    /// Message-IDs from a mail's headers that can name a mail of ours: not empty, no longer than the
    /// column, no control characters (a NUL in a query parameter would fail the whole intake).
    /// </summary>
    public static IReadOnlyList<string> UsableIds(IEnumerable<string?> ids) =>
        ids.OfType<string>().Where(id => id.Length is > 0 and <= 998 && !id.Any(char.IsControl)).Distinct().Take(50).ToList();

    [GeneratedRegex(@"\[(?<prefix>[^\[\]\s\d]{1,20})(?<number>\d{1,18})\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TagPattern();
}
