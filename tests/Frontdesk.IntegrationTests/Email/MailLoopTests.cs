using Frontdesk.Common.Security;
using Frontdesk.Email.Intake;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.IntegrationTests.Email;

/// <summary>Two help desks that mail each other must not talk forever.</summary>
public sealed class MailLoopTests
{
    [Fact]
    public async Task Two_desks_that_mail_each_other_do_not_loop()
    {
        var deskA = await MailServer.AddAccountAsync("desk-a", "desk.test");
        var deskB = await MailServer.AddAccountAsync("desk-b", "desk.test");
        await using var a = new SqliteApp();
        await using var b = new SqliteApp();
        await a.InitializeAsync();
        await b.InitializeAsync();
        foreach (var (app, address) in new[] { (a, deskA), (b, deskB) })
        {
            var admin = await app.CreateUserAsync(Roles.Admin);
            await admin.Api.PostJsonAsync("/api/v1/mailboxes", new
            {
                address,
                imap = new { host = MailServer.Host, port = MailServer.ImapPort, security = "None", username = address, password = MailServer.Password },
                smtp = new { host = MailServer.Host, port = MailServer.SmtpPort, security = "None" },
            });
        }
        // Desk B's address writes to desk A (a forwarding rule, a misconfigured alias...).
        await MailServer.SendAsync(MailServer.Mail(deskB, deskA, "Your ticket", "Please see below."));

        // A acknowledges once (its sender runs in the background); B takes that acknowledgement in.
        await Eventually.GetAsync(async () =>
        {
            await a.Services.GetRequiredService<MailboxPoller>().PollAllAsync(CancellationToken.None);
            await b.Services.GetRequiredService<MailboxPoller>().PollAllAsync(CancellationToken.None);
            return b.WithDb(db => db.InboundMails.Count(m => m.Status != Frontdesk.Email.Domain.InboundMailStatus.Received)) == 1;
        }, "desk B to take desk A's acknowledgement");
        // B, seeing an automatic reply, has nothing to send; so A gets nothing more: that is the end of it.
        (await b.Services.GetRequiredService<Frontdesk.Email.Outbox.OutboxSender>().SendDueAsync(CancellationToken.None)).ShouldBe(0);
        await a.Services.GetRequiredService<MailboxPoller>().PollAllAsync(CancellationToken.None);
        a.WithDb(db => db.OutboundMails.Count()).ShouldBe(1);
        b.WithDb(db => db.OutboundMails.Count()).ShouldBe(0);
        a.WithDb(db => db.InboundMails.Count()).ShouldBe(1);
    }
}
