using Frontdesk.Database;
using Frontdesk.Common.Http;
using Frontdesk.Directory;
using Frontdesk.Directory.Domain;
using Frontdesk.Email.Domain;

namespace Frontdesk.Email.Mailboxes;

/// <summary>Checks a new mailbox field by field and says what to fix.</summary>
internal static class MailboxValidation
{
    public static async Task<(Mailbox? Mailbox, Errors Errors)> ValidateAsync(
        CreateMailboxRequest r, FrontdeskDbContext db, DirectoryNames names, MailConnections connections, CancellationToken ct)
    {
        var errors = new Errors();
        if (!PeopleDirectory.IsValidEmail(r.Address)) errors.Add("address", "address must be the support e-mail address, like support@example.com.");
        var imap = r.Imap;
        var smtp = r.Smtp;
        if (imap is null) errors.Add("imap", "imap is required: host, port, security, username, password, folder.");
        if (smtp is null) errors.Add("smtp", "smtp is required: host, port, security, and username and password when the server wants them.");
        var imapSecurity = Security("imap.security", imap?.Security, errors);
        var smtpSecurity = Security("smtp.security", smtp?.Security, errors);
        if (imap is not null)
        {
            Host("imap.host", imap.Host, errors);
            Port("imap.port", imap.Port, errors);
            if (string.IsNullOrWhiteSpace(imap.Username)) errors.Add("imap.username", "imap.username is required.");
            if (string.IsNullOrEmpty(imap.Password)) errors.Add("imap.password", "imap.password is required.");
            if (imap.Folder?.Length > 200) errors.Add("imap.folder", "imap.folder is at most 200 characters.");
            if (imap.ProcessedFolder?.Length > 200) errors.Add("imap.processedFolder", "imap.processedFolder is at most 200 characters.");
            if (!string.IsNullOrWhiteSpace(imap.ProcessedFolder) && string.Equals(imap.ProcessedFolder.Trim(), string.IsNullOrWhiteSpace(imap.Folder) ? "INBOX" : imap.Folder.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("imap.processedFolder", "imap.processedFolder must differ from imap.folder, or be left empty.");
            }
        }
        if (smtp is not null)
        {
            Host("smtp.host", smtp.Host, errors);
            Port("smtp.port", smtp.Port, errors);
            if (!string.IsNullOrWhiteSpace(smtp.Username) && string.IsNullOrEmpty(smtp.Password))
            {
                errors.Add("smtp.password", "smtp.password is required with smtp.username.");
            }
        }
        if (r.PollSeconds is < 10 or > 3600) errors.Add("pollSeconds", "pollSeconds is 10-3600.");
        if (r.MaxMessageMegabytes is < 1 or > 100) errors.Add("maxMessageMegabytes", "maxMessageMegabytes is 1-100.");
        long? teamId = null;
        if (!string.IsNullOrWhiteSpace(r.Team))
        {
            var team = await names.FindTeamAsync(db, r.Team, ct);
            if (team is null) errors.Add("team", $"There is no team '{r.Team}'.");
            teamId = team?.Id;
        }
        if (errors.Any) return (null, errors);

        return (new Mailbox
        {
            Address = Person.NormalizeEmail(r.Address!),
            DisplayName = string.IsNullOrWhiteSpace(r.DisplayName) ? null : r.DisplayName.Trim(),
            ImapHost = imap!.Host!.Trim(),
            ImapPort = imap.Port!.Value,
            ImapSecurity = imapSecurity!.Value,
            ImapUsername = imap.Username!.Trim(),
            ImapPasswordProtected = connections.Protect(imap.Password!),
            ImapFolder = string.IsNullOrWhiteSpace(imap.Folder) ? "INBOX" : imap.Folder.Trim(),
            ProcessedFolder = string.IsNullOrWhiteSpace(imap.ProcessedFolder) ? null : imap.ProcessedFolder.Trim(),
            SmtpHost = smtp!.Host!.Trim(),
            SmtpPort = smtp.Port!.Value,
            SmtpSecurity = smtpSecurity!.Value,
            SmtpUsername = string.IsNullOrWhiteSpace(smtp.Username) ? null : smtp.Username.Trim(),
            SmtpPasswordProtected = string.IsNullOrEmpty(smtp.Password) ? null : connections.Protect(smtp.Password),
            TeamId = teamId,
            PollSeconds = r.PollSeconds ?? 60,
            MaxMessageBytes = (r.MaxMessageMegabytes ?? 25) * 1024L * 1024,
        }, errors);
    }

    private static MailSecurity? Security(string field, string? value, Errors errors)
    {
        if (Enum.TryParse<MailSecurity>(value, ignoreCase: true, out var security) && Enum.IsDefined(security)) return security;
        errors.Add(field, $"{field} is None, StartTls or Tls.");
        return null;
    }

    private static void Host(string field, string? host, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(host) || host.Length > 255 || Uri.CheckHostName(host.Trim()) == UriHostNameType.Unknown)
        {
            errors.Add(field, $"{field} must be a host name or IP address.");
        }
    }

    private static void Port(string field, int? port, Errors errors)
    {
        if (port is null or < 1 or > 65535) errors.Add(field, $"{field} is 1-65535.");
    }
}
