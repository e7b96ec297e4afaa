using Frontdesk.Common.Security;
using Frontdesk.Email.Domain;
using Frontdesk.Email.Intake;
using Frontdesk.Email.Outbox;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.IntegrationTests.Email;

/// <summary>The outbox is a table: mail queued before a restart is sent after it, once.</summary>
public sealed class OutboxRestartTests
{
    [Fact]
    public async Task Mail_queued_before_a_restart_is_sent_once_after_it()
    {
        var data = Path.Combine(Path.GetTempPath(), "frontdesk-tests", Guid.NewGuid().ToString("N"));
        var support = await MailServer.AddAccountAsync("support", "desk.test");
        var customer = await MailServer.AddAccountAsync("restart");
        long number;

        // First life: sending is off on this node (as if it stopped before the sender ran).
        var first = new SqliteApp { DataDirectory = data, KeepData = true, Settings = new Dictionary<string, string> { ["Frontdesk:Email:Enabled"] = "false" } };
        await using (first)
        {
            await first.InitializeAsync();
            var admin = await first.CreateUserAsync(Roles.Admin);
            await admin.Api.PostJsonAsync("/api/v1/mailboxes", new
            {
                address = support,
                imap = new { host = MailServer.Host, port = MailServer.ImapPort, security = "None", username = support, password = MailServer.Password },
                smtp = new { host = MailServer.Host, port = MailServer.SmtpPort, security = "None" },
            });
            await MailServer.SendAsync(MailServer.Mail(customer, support, "Monitor flickers", "Since the update."));
            await first.Services.GetRequiredService<MailboxPoller>().PollAllAsync(CancellationToken.None);
            number = first.WithDb(db => db.InboundMails.Single().TicketId!.Value);
            await admin.Api.PostJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Try another cable, please." });
            first.WithDb(db => db.OutboundMails.Count(o => o.Status == OutboundMailStatus.Queued)).ShouldBe(2);
        }
        (await MailServer.InboxAsync(customer)).ShouldBeEmpty();

        // Second life on the same data: the sender finds the queued mails and sends each once.
        var second = new SqliteApp { DataDirectory = data };
        await using (second)
        {
            await second.InitializeAsync();
            await Eventually.GetAsync(() => Task.FromResult(second.WithDb(db => db.OutboundMails.All(o => o.Status == OutboundMailStatus.Sent))), "both mails sent");
            (await second.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None)).ShouldBe(0);
        }
        var inbox = await MailServer.InboxAsync(customer);
        inbox.Count.ShouldBe(2);
        inbox.ShouldContain(m => (m.Subject ?? "").StartsWith($"[#{number}]", StringComparison.Ordinal));
        inbox.ShouldContain(m => (m.TextBody ?? "").Contains("another cable", StringComparison.Ordinal));
        try { System.IO.Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
