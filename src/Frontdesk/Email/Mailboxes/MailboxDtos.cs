namespace Frontdesk.Email.Mailboxes;

/// <param name="Security">None, StartTls or Tls.</param>
/// <param name="Folder">The folder to read (default INBOX).</param>
/// <param name="ProcessedFolder">Optional: processed mail is moved to this existing folder; empty leaves it where it is.</param>
internal sealed record ImapSettingsRequest(string? Host, int? Port, string? Security, string? Username, string? Password, string? Folder, string? ProcessedFolder = null);

/// <param name="Security">None, StartTls or Tls.</param>
/// <param name="Username">Leave empty when the server takes mail without signing in.</param>
internal sealed record SmtpSettingsRequest(string? Host, int? Port, string? Security, string? Username, string? Password);

/// <summary>A support address to read and send from.</summary>
/// <param name="Team">Team id or name that new tickets from this address go to.</param>
/// <param name="PollSeconds">How often to look for new mail (10-3600, default 60).</param>
/// <param name="MaxMessageMegabytes">Larger mails are kept raw and flagged for an admin (default 25).</param>
internal sealed record CreateMailboxRequest(
    string? Address, string? DisplayName, ImapSettingsRequest? Imap, SmtpSettingsRequest? Smtp, string? Team, int? PollSeconds, int? MaxMessageMegabytes);

/// <summary>
/// Changes to a mailbox. A field left out (null) stays as it is; an empty text clears an optional
/// one (displayName, team, imap.processedFolder); a password left out is kept.
/// </summary>
/// <param name="Active">False pauses the mailbox: it is not read until it is active again (mail already queued still goes out).</param>
internal sealed record UpdateMailboxRequest(
    string? Address, string? DisplayName, ImapSettingsRequest? Imap, SmtpSettingsRequest? Smtp, string? Team, int? PollSeconds, int? MaxMessageMegabytes, bool? Active);

internal sealed record ImapSettingsDto(string Host, int Port, string Security, string Username, string Folder, string? ProcessedFolder);

internal sealed record SmtpSettingsDto(string Host, int Port, string Security, string? Username);

/// <summary>A mailbox as the API shows it: never with its passwords.</summary>
/// <param name="MailsTaken">Mails taken in so far (processed, ignored, quarantined or waiting).</param>
/// <param name="MailsWaiting">Taken in but not processed yet.</param>
/// <param name="MailsQuarantined">Kept for an admin: see the quarantine.</param>
internal sealed record MailboxDto(
    long Id, string Address, string? DisplayName, ImapSettingsDto Imap, SmtpSettingsDto Smtp, long? TeamId, int PollSeconds,
    long MaxMessageBytes, bool Active, DateTimeOffset? LastPollAt, string? LastError,
    int MailsTaken = 0, int MailsWaiting = 0, int MailsQuarantined = 0);

/// <summary>What a connection test found, in plain words.</summary>
internal sealed record ConnectionTestDto(bool Ok, string Imap, string Smtp);

/// <summary>A mail that could not be processed; the raw message is kept.</summary>
internal sealed record QuarantinedMailDto(
    long Id, string? From, string? Subject, string? MessageId, long Size, string Reason, DateTimeOffset ReceivedAt);
