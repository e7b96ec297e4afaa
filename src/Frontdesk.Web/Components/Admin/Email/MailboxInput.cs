using Frontdesk.Email.Mailboxes;

namespace Frontdesk.Web.Components.Admin.Email;

/// <summary>The mailbox form's fields, flat as the page has them.</summary>
public sealed class MailboxInput
{
    public string? Address { get; set; }
    public string? DisplayName { get; set; }
    public string? Team { get; set; }
    public int? PollSeconds { get; set; } = 60;
    public int? MaxMessageMegabytes { get; set; } = 25;
    public string? ImapHost { get; set; }
    public int? ImapPort { get; set; } = 993;
    public string ImapSecurity { get; set; } = "Tls";
    public string? ImapUsername { get; set; }
    public string? ImapPassword { get; set; }
    public string? ImapFolder { get; set; } = "INBOX";
    public string? ProcessedFolder { get; set; }
    public string? SmtpHost { get; set; }
    public int? SmtpPort { get; set; } = 587;
    public string SmtpSecurity { get; set; } = "StartTls";
    public string? SmtpUsername { get; set; }
    public string? SmtpPassword { get; set; }
    public bool Active { get; set; } = true;

    internal static MailboxInput From(MailboxDto m) => new()
    {
        Address = m.Address,
        DisplayName = m.DisplayName,
        Team = m.TeamId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PollSeconds = m.PollSeconds,
        MaxMessageMegabytes = (int)(m.MaxMessageBytes / (1024 * 1024)),
        ImapHost = m.Imap.Host,
        ImapPort = m.Imap.Port,
        ImapSecurity = m.Imap.Security,
        ImapUsername = m.Imap.Username,
        ImapFolder = m.Imap.Folder,
        ProcessedFolder = m.Imap.ProcessedFolder,
        SmtpHost = m.Smtp.Host,
        SmtpPort = m.Smtp.Port,
        SmtpSecurity = m.Smtp.Security,
        SmtpUsername = m.Smtp.Username,
        Active = m.Active,
    };

    internal CreateMailboxRequest ToCreate() => new(
        Address, DisplayName,
        new ImapSettingsRequest(ImapHost, ImapPort, ImapSecurity, ImapUsername, ImapPassword, ImapFolder, ProcessedFolder),
        new SmtpSettingsRequest(SmtpHost, SmtpPort, SmtpSecurity, SmtpUsername, SmtpPassword),
        string.IsNullOrWhiteSpace(Team) ? null : Team, PollSeconds, MaxMessageMegabytes);

    /// <summary>Every field as the form shows it (empty clears); an empty password keeps the stored one.</summary>
    internal UpdateMailboxRequest ToUpdate() => new(
        Address ?? "", DisplayName ?? "",
        new ImapSettingsRequest(ImapHost ?? "", ImapPort, ImapSecurity, ImapUsername ?? "", NullIfEmpty(ImapPassword), ImapFolder ?? "", ProcessedFolder ?? ""),
        new SmtpSettingsRequest(SmtpHost ?? "", SmtpPort, SmtpSecurity, SmtpUsername ?? "", NullIfEmpty(SmtpPassword)),
        Team ?? "", PollSeconds, MaxMessageMegabytes, Active);

    /// <summary>Typed passwords are never written back into a page.</summary>
    public void ForgetPasswords() => ImapPassword = SmtpPassword = null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
