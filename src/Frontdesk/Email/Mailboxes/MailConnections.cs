using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Frontdesk.Email.Domain;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Frontdesk.Email.Mailboxes;

/// <summary>Opens authenticated IMAP and SMTP connections for a mailbox; keeps its passwords encrypted at rest.</summary>
internal sealed class MailConnections(IDataProtectionProvider protection, IOptions<EmailOptions> options)
{
    /// <summary>How long one IMAP or SMTP step (connect, authenticate, send) may take.</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly IDataProtector _protector = protection.CreateProtector("Frontdesk.Email.MailboxPasswords");

    public string Protect(string password) => _protector.Protect(password);

    public string Unprotect(string protectedPassword) => _protector.Unprotect(protectedPassword);

    public async Task<ImapClient> OpenImapAsync(Mailbox mailbox, CancellationToken ct)
    {
        var client = new ImapClient { Timeout = (int)Timeout.TotalMilliseconds, ServerCertificateValidationCallback = ValidateCertificate };
        try
        {
            await client.ConnectAsync(mailbox.ImapHost, mailbox.ImapPort, Socket(mailbox.ImapSecurity), ct);
            await client.AuthenticateAsync(mailbox.ImapUsername, Unprotect(mailbox.ImapPasswordProtected), ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<SmtpClient> OpenSmtpAsync(Mailbox mailbox, CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds, ServerCertificateValidationCallback = ValidateCertificate };
        try
        {
            await client.ConnectAsync(mailbox.SmtpHost, mailbox.SmtpPort, Socket(mailbox.SmtpSecurity), ct);
            if (mailbox.SmtpUsername is { Length: > 0 } user && mailbox.SmtpPasswordProtected is { } password)
            {
                await client.AuthenticateAsync(user, Unprotect(password), ct);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Opens the mailbox's folder, or explains which one is missing.</summary>
    public static async Task<IMailFolder> OpenFolderAsync(ImapClient client, Mailbox mailbox, CancellationToken ct)
    {
        var folder = string.Equals(mailbox.ImapFolder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox
            : await client.GetFolderAsync(mailbox.ImapFolder, ct);
        // Moving processed mail out needs the folder opened for writing; reading alone never changes it.
        await folder.OpenAsync(mailbox.ProcessedFolder is null ? FolderAccess.ReadOnly : FolderAccess.ReadWrite, ct);
        return folder;
    }

    /// <summary>The folder processed mail moves to; <see cref="FolderNotFoundException"/> when it does not exist.</summary>
    public static Task<IMailFolder> ProcessedFolderAsync(ImapClient client, Mailbox mailbox, CancellationToken ct) =>
        string.Equals(mailbox.ProcessedFolder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? Task.FromResult(client.Inbox)
            : client.GetFolderAsync(mailbox.ProcessedFolder!, ct);

    private static SecureSocketOptions Socket(MailSecurity security) => security switch
    {
        MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };

    private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (certificate is null) return false;
        var thumbprint = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
        return options.Value.TrustedCertificates.Any(t => string.Equals(t.Replace(":", "", StringComparison.Ordinal), thumbprint, StringComparison.OrdinalIgnoreCase));
    }
}
