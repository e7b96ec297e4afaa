using System.Net.Sockets;
using Frontdesk.Email.Domain;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Frontdesk.Email.Mailboxes;

/// <summary>Tries a mailbox's IMAP and SMTP settings and explains a failure in plain words.</summary>
internal sealed class ConnectionTester(MailConnections connections)
{
    public async Task<ConnectionTestDto> TestAsync(Mailbox mailbox, CancellationToken ct)
    {
        string imap;
        try
        {
            using var client = await connections.OpenImapAsync(mailbox, ct);
            var folder = await MailConnections.OpenFolderAsync(client, mailbox, ct);
            imap = $"OK: signed in, folder '{mailbox.ImapFolder}' has {folder.Count} mails.";
            if (mailbox.ProcessedFolder is not null)
            {
                await MailConnections.ProcessedFolderAsync(client, mailbox, ct);
                imap += $" Processed mail moves to '{mailbox.ProcessedFolder}'.";
            }
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            imap = Explain("IMAP", mailbox.ImapHost, mailbox.ImapPort, e);
        }
        string smtp;
        try
        {
            using var client = await connections.OpenSmtpAsync(mailbox, ct);
            smtp = client.IsAuthenticated ? "OK: connected and signed in." : "OK: connected (no sign-in configured).";
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            smtp = Explain("SMTP", mailbox.SmtpHost, mailbox.SmtpPort, e);
        }
        return new ConnectionTestDto(imap.StartsWith("OK", StringComparison.Ordinal) && smtp.StartsWith("OK", StringComparison.Ordinal), imap, smtp);
    }

    /// <summary>A failure in words an admin can act on.</summary>
    public static string Explain(string protocol, string host, int port, Exception e) => e switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
            $"{protocol}: nothing answers on {host}:{port} (connection refused). Check the host and port.",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } =>
            $"{protocol}: the host name {host} is unknown. Check the spelling.",
        SocketException s => $"{protocol}: cannot reach {host}:{port} ({s.SocketErrorCode}).",
        AuthenticationException => $"{protocol}: the server refused the user name or password.",
        SslHandshakeException => $"{protocol}: the TLS handshake with {host}:{port} failed: the certificate is not trusted, or the port does not speak TLS. Check the security setting.",
        FolderNotFoundException f => $"{protocol}: the folder '{f.FolderName}' does not exist.",
        SmtpCommandException c => $"{protocol}: the server answered {(int)c.StatusCode}: {c.Message}",
        ProtocolException or IOException or TimeoutException =>
            $"{protocol}: {host}:{port} did not answer like a mail server ({e.Message}). Check the port and the security setting.",
        _ => $"{protocol}: {e.Message}",
    };
}
