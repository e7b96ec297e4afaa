using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Frontdesk.IntegrationTests.Infrastructure;

/// <summary>
/// The real SMTP + IMAP servers that <c>scripts/test</c> starts (scripts/services/mail.sh):
/// add mail accounts, send mail as a customer would, and read what arrives in their inbox.
/// </summary>
public static class MailServer
{
    public static string Host => Environment.GetEnvironmentVariable("MAIL_HOST") ?? throw NotStarted();
    public static int SmtpPort => int.Parse(Environment.GetEnvironmentVariable("MAIL_SMTP_PORT") ?? throw NotStarted(), System.Globalization.CultureInfo.InvariantCulture);
    public static int ImapPort => int.Parse(Environment.GetEnvironmentVariable("MAIL_IMAP_PORT") ?? throw NotStarted(), System.Globalization.CultureInfo.InvariantCulture);
    public static int ImapsPort => int.Parse(Environment.GetEnvironmentVariable("MAIL_IMAPS_PORT") ?? throw NotStarted(), System.Globalization.CultureInfo.InvariantCulture);
    public static int SmtpsPort => int.Parse(Environment.GetEnvironmentVariable("MAIL_SMTPS_PORT") ?? throw NotStarted(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The servers' self-signed certificate (PEM), for tests that pin it.</summary>
    public static string TlsCertificate => Environment.GetEnvironmentVariable("MAIL_TLS_CERT") ?? throw NotStarted();

    /// <summary>A fresh account on the mail server, unique to the calling test.</summary>
    public static async Task<string> AddAccountAsync(string name, string domain = "example.test")
    {
        var address = $"{name}-{Guid.NewGuid().ToString("N")[..8]}@{domain}";
        var script = Environment.GetEnvironmentVariable("FRONTDESK_TEST_MAIL_SCRIPT") ?? throw NotStarted();
        var state = Environment.GetEnvironmentVariable("MAIL_STATE_DIR") ?? throw NotStarted();
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "adduser", state, address, Password])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"mail.sh adduser {address} failed: {error}");
        return address;
    }

    public const string Password = "mail-password-1";

    public static async Task SendAsync(MimeMessage message)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(Host, SmtpPort, SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
    }

    public static MimeMessage Mail(string from, string to, string subject, string text, string? fromName = null)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(new MailboxAddress(fromName ?? "", from));
        message.To.Add(MailboxAddress.Parse(to));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example.test");
        return message;
    }

    /// <summary>Puts a raw message straight into an inbox, optionally already read (as another mail client would leave it).</summary>
    public static async Task AppendAsync(string account, MimeMessage message, bool seen)
    {
        using var imap = await OpenAsync(account);
        await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
        await imap.Inbox.AppendAsync(message, seen ? MessageFlags.Seen : MessageFlags.None);
        await imap.DisconnectAsync(true);
    }

    /// <summary>Moves every mail of the inbox to another folder and back, so they get new UIDs.</summary>
    public static async Task MoveOutAndBackAsync(string account)
    {
        using var imap = await OpenAsync(account);
        var personal = imap.GetFolder(imap.PersonalNamespaces[0]);
        var parking = await personal.CreateAsync("Parking" + Guid.NewGuid().ToString("N")[..6], true) ?? throw new InvalidOperationException("no folder");
        await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
        await imap.Inbox.MoveToAsync(await imap.Inbox.SearchAsync(SearchQuery.All), parking);
        await parking.OpenAsync(FolderAccess.ReadWrite);
        await parking.MoveToAsync(await parking.SearchAsync(SearchQuery.All), imap.Inbox);
        await imap.DisconnectAsync(true);
    }

    /// <summary>Creates a folder in the account's personal namespace.</summary>
    public static async Task CreateFolderAsync(string account, string name)
    {
        using var imap = await OpenAsync(account);
        await imap.GetFolder(imap.PersonalNamespaces[0]).CreateAsync(name, true);
        await imap.DisconnectAsync(true);
    }

    /// <summary>How many mails a folder of the account holds.</summary>
    public static async Task<int> CountAsync(string account, string folder)
    {
        using var imap = await OpenAsync(account);
        var open = folder == "INBOX" ? imap.Inbox : await imap.GetFolderAsync(folder);
        await open.OpenAsync(FolderAccess.ReadOnly);
        var count = open.Count;
        await imap.DisconnectAsync(true);
        return count;
    }

    /// <summary>Waits for a mail in <paramref name="account"/>'s inbox that matches; fails after the deadline.</summary>
    public static async Task<MimeMessage> WaitForMailAsync(string account, Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            foreach (var message in await InboxAsync(account))
            {
                if (match(message)) return message;
            }
            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(30))) throw new TimeoutException($"No matching mail arrived for {account}.");
            await Task.Delay(200);
        }
    }

    public static async Task<IReadOnlyList<MimeMessage>> InboxAsync(string account)
    {
        using var imap = await OpenAsync(account);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var messages = new List<MimeMessage>();
        foreach (var uid in await imap.Inbox.SearchAsync(SearchQuery.All)) messages.Add(await imap.Inbox.GetMessageAsync(uid));
        await imap.DisconnectAsync(true);
        return messages;
    }

    private static async Task<ImapClient> OpenAsync(string account)
    {
        var imap = new ImapClient();
        await imap.ConnectAsync(Host, ImapPort, SecureSocketOptions.None);
        await imap.AuthenticateAsync(account, Password);
        return imap;
    }

    private static InvalidOperationException NotStarted() =>
        new("The mail servers are not running: run the tests with scripts/test, which starts them.");
}
