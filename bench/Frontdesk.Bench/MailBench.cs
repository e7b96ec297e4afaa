using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace Frontdesk.Bench;

/// <summary>
/// Inbound mail rate: fills a real IMAP mailbox with N realistic mails, adds it to a running
/// Frontdesk, and times how long Frontdesk takes to fetch, parse, thread, store and index them all.
/// </summary>
internal static class MailBench
{
    public static async Task<int> RunAsync(Args args)
    {
        var count = args.Int("mails", 10_000);
        // The first thousands of mails run while the JIT still optimises (a quarter of the CPU
        // went to it 45 s in): start the clock once the warm-up mails are in, as for creates.
        var warmup = args.Int("warmup", 2_000);
        var total = count + warmup;
        var host = args.Get("imap-host", "127.0.0.1");
        var imapPort = args.Int("imap-port", 56143);
        var smtpPort = args.Int("smtp-port", 56025);
        var account = args.Require("account");
        var accountPassword = args.Require("account-password");

        var fill = Stopwatch.StartNew();
        using (var imap = new ImapClient())
        {
            await imap.ConnectAsync(host, imapPort, SecureSocketOptions.None);
            await imap.AuthenticateAsync(account, accountPassword);
            await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
            for (var start = 0; start < total; start += 500)
            {
                var batch = Enumerable.Range(start, Math.Min(500, total - start)).Select(i => (IAppendRequest)new AppendRequest(Mail(i, account), MessageFlags.None)).ToList();
                await imap.Inbox.AppendAsync(batch);
            }
            await imap.DisconnectAsync(true);
        }
        Console.WriteLine($"filled the mailbox with {total:N0} mails ({warmup:N0} of them warm-up) in {fill.Elapsed.TotalSeconds:F1} s");

        using var http = new HttpClient { BaseAddress = new Uri(args.Get("url", "http://127.0.0.1:5099")), Timeout = TimeSpan.FromSeconds(60) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email = args.Require("email"), password = args.Require("password"), name = "mail-bench" });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        var created = await http.PostAsJsonAsync("/api/v1/mailboxes", new
        {
            address = account,
            imap = new { host, port = imapPort, security = "None", username = account, password = accountPassword },
            smtp = new { host, port = smtpPort, security = "None" },
            pollSeconds = 10,
        });
        created.EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        var started = false;
        var taken = 0;
        var waiting = 0;
        var quarantined = 0;
        while (taken < total || waiting > 0)
        {
            await Task.Delay(250);
            var list = await http.GetFromJsonAsync<JsonElement>("/api/v1/mailboxes");
            var mailbox = list.GetProperty("items")[0];
            taken = mailbox.GetProperty("mailsTaken").GetInt32();
            waiting = mailbox.GetProperty("mailsWaiting").GetInt32();
            quarantined = mailbox.GetProperty("mailsQuarantined").GetInt32();
            if (!started && taken - waiting >= warmup)
            {
                started = true;
                clock.Restart();
                count = total - (taken - waiting);
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(20)) throw new TimeoutException($"only {taken} of {count} mails taken after 20 minutes");
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"| inbound mails processed (fetch, parse, thread, store, index) | {count:N0} in {seconds:F1} s = {count / seconds:N0} mails/s ({quarantined} quarantined) |");
        if (args.Get("pid", "") is { Length: > 0 } pid && File.Exists($"/proc/{pid}/status"))
        {
            var rss = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            Console.WriteLine($"| server RSS after the run | {long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024:N0} MB |");
        }
        return quarantined == 0 ? 0 : 1;
    }

    private static readonly string[] Topics =
        ["VPN drops every hour", "Printer on floor 3 jams", "Outlook keeps asking for my password", "Laptop is very slow", "Teams camera not found",
         "Need access to the finance share", "Docking station: no second screen", "Excel crashes when saving"];

    /// <summary>A mail like the ones a desk gets: most new, every fifth a reply to an earlier one (threaded by its Message-ID).</summary>
    private static MimeMessage Mail(int i, string to)
    {
        var sender = (i % 5 == 4 ? i - 4 : i) % 500; // a reply comes from the one who wrote the first mail
        var message = new MimeMessage
        {
            Subject = (i % 5 == 4 ? "Re: " : "") + Topics[i % Topics.Length] + $" ({i / 5})",
            MessageId = $"bench-{i}@customer.example",
            Date = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero).AddSeconds(i * 7),
        };
        message.From.Add(new MailboxAddress($"Employee {sender}", $"employee{sender}@customer.example"));
        message.To.Add(MailboxAddress.Parse(to));
        if (i % 5 == 4) message.InReplyTo = $"bench-{i - 4}@customer.example";
        var body = new BodyBuilder
        {
            TextBody = $"Hello IT,\n\n{Topics[i % Topics.Length]} since this morning. I restarted twice; it did not help.\nThe error says 0x{i:X8}.\n\nThanks,\nEmployee {sender}\n",
            HtmlBody = $"<p>Hello IT,</p><p>{Topics[i % Topics.Length]} since this morning. I restarted twice; it did not help.</p><p>The error says <b>0x{i:X8}</b>.</p><p>Thanks,<br>Employee {sender}</p>",
        };
        message.Body = body.ToMessageBody();
        return message;
    }
}
