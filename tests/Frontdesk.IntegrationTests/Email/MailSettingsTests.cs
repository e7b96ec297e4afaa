using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Frontdesk.IntegrationTests.Infrastructure;

namespace Frontdesk.IntegrationTests.Email;

/// <summary>
/// Desk settings for mail, each on its own app: a customer's mail to a closed ticket opens a
/// follow-up by default; a desk that chose <c>Frontdesk:Email:ReplyToClosed = Reopen</c> takes the
/// ticket back into work, unless it was closed longer ago than <c>ReopenWithinDays</c>; the subject
/// tag's prefix is the desk's choice.
/// </summary>
public abstract class MailSettingsTests
{
    protected abstract FrontdeskApp Create(Dictionary<string, string> settings);

    private static async Task<(MailDesk Desk, string Customer, long Number)> ClosedTicketAsync(FrontdeskApp app, string who)
    {
        var desk = await MailDesk.ConnectAsync(app);
        var customer = await MailServer.AddAccountAsync(who);
        await MailServer.SendAsync(MailServer.Mail(customer, desk.Support, "Badge does not open door 3", "Since this morning."));
        var number = await desk.TicketOfAsync(customer);
        (await desk.Admin.Api.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Closed" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (desk, customer, number);
    }

    [Fact]
    public async Task By_default_a_reply_to_a_closed_ticket_opens_a_follow_up()
    {
        await using var app = Create([]);
        await app.InitializeAsync();
        var (desk, customer, number) = await ClosedTicketAsync(app, "closed-default");

        await MailServer.SendAsync(MailServer.Mail(customer, desk.Support, $"Re: [#{number}] Badge does not open door 3", "It is broken again."));
        var tickets = await desk.TicketsOfAsync(customer, atLeast: 2);
        var followUp = await desk.Admin.Api.GetJsonAsync($"/api/v1/tickets/{tickets[0]}");
        followUp.Str("subject").ShouldBe($"Follow-up to #{number}: Badge does not open door 3");
        (await desk.Admin.Api.GetJsonAsync($"/api/v1/tickets/{number}")).Str("statusCategory").ShouldBe("closed");
    }

    [Fact]
    public async Task A_desk_that_reopens_takes_a_recently_closed_ticket_back_and_an_old_one_gets_a_follow_up()
    {
        await using var app = Create(new() { ["Frontdesk:Email:ReplyToClosed"] = "Reopen", ["Frontdesk:Email:ReopenWithinDays"] = "30" });
        await app.InitializeAsync();
        var (desk, customer, number) = await ClosedTicketAsync(app, "closed-reopen");

        await MailServer.SendAsync(MailServer.Mail(customer, desk.Support, $"Re: [#{number}] Badge does not open door 3", "It is broken again."));
        await Eventually.GetAsync(async () =>
        {
            await desk.PollAsync();
            return app.WithDb(db => db.Messages.Count(m => m.TicketId == number)) == 2;
        }, "the reply on the closed ticket");
        var ticket = await desk.Admin.Api.GetJsonAsync($"/api/v1/tickets/{number}");
        ticket.Str("statusCategory").ShouldBe("open");
        ticket["closedAt"].ShouldBeNull();
        var history = (await desk.Admin.Api.GetJsonAsync($"/api/v1/tickets/{number}/history"))["items"]!.AsArray();
        history.ShouldContain(e => e!["field"]!.GetValue<string>() == "status" && e["oldValue"]!.GetValue<string>() == "Closed" && e["newValue"]!.GetValue<string>() == "Open");
        (await desk.TicketsOfAsync(customer)).ShouldBe([number]);

        // Closed 40 days ago: too old to reopen.
        (await desk.Admin.Api.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Resolved" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.Admin.Api.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Closed" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.WithDb(db =>
        {
            var closed = db.Tickets.Single(t => t.Id == number);
            db.Entry(closed).Property(t => t.ClosedAt).CurrentValue = TimeProvider.System.GetUtcNow().AddDays(-40);
            db.SaveChanges();
            return 0;
        });
        await MailServer.SendAsync(MailServer.Mail(customer, desk.Support, $"Re: [#{number}] Badge does not open door 3", "And again, weeks later."));
        var tickets = await desk.TicketsOfAsync(customer, atLeast: 2);
        tickets[0].ShouldNotBe(number);
        (await desk.Admin.Api.GetJsonAsync($"/api/v1/tickets/{number}")).Str("statusCategory").ShouldBe("closed");
    }

    [Fact]
    public async Task The_subject_tag_carries_the_desks_prefix_and_the_default_one_still_threads()
    {
        await using var app = Create(new() { ["Frontdesk:Email:TicketTagPrefix"] = "Ticket#" });
        await app.InitializeAsync();
        var desk = await MailDesk.ConnectAsync(app);
        var customer = await MailServer.AddAccountAsync("tagged");
        await MailServer.SendAsync(MailServer.Mail(customer, desk.Support, "Projector in room 2", "No signal."));
        var number = await desk.TicketOfAsync(customer);

        var ack = await MailServer.WaitForMailAsync(customer, m => (m.Subject ?? "").StartsWith($"[Ticket#{number}]", StringComparison.Ordinal));
        (ack.TextBody ?? "").ShouldContain($"keep [Ticket#{number}] in the subject");
        await MailServer.SendAsync(MailServer.Mail(customer, desk.Support, $"Re: [Ticket#{number}] Projector in room 2", "Still nothing."));
        await MailServer.SendAsync(MailServer.Mail(customer, desk.Support, $"Re: [#{number}] Projector in room 2", "Written before the prefix changed."));
        await Eventually.GetAsync(async () =>
        {
            await desk.PollAsync();
            return app.WithDb(db => db.Messages.Count(m => m.TicketId == number)) == 3;
        }, "both replies on the ticket");
        (await desk.TicketsOfAsync(customer)).ShouldBe([number]);
    }

    [Fact]
    public async Task A_self_signed_mail_server_is_refused_until_its_certificate_is_pinned()
    {
        var support = await MailServer.AddAccountAsync("support", "desk.test");
        var mailbox = new
        {
            address = support,
            imap = new { host = MailServer.Host, port = MailServer.ImapsPort, security = "Tls", username = support, password = MailServer.Password },
            smtp = new { host = MailServer.Host, port = MailServer.SmtpsPort, security = "Tls", username = support, password = MailServer.Password },
        };

        // Not pinned: the TLS connection is refused, and the test says so in words.
        await using (var strict = Create([]))
        {
            await strict.InitializeAsync();
            var admin = await strict.CreateUserAsync(Frontdesk.Common.Security.Roles.Admin);
            var id = (await (await admin.Api.PostAsJsonAsync("/api/v1/mailboxes", mailbox)).ReadJsonAsync())["id"]!.GetValue<long>();
            var report = await (await admin.Api.PostAsync($"/api/v1/mailboxes/{id}/test", null)).ReadJsonAsync();
            report["ok"]!.GetValue<bool>().ShouldBeFalse();
            report.Str("imap").ShouldContain("certificate is not trusted");
            report.Str("smtp").ShouldContain("certificate is not trusted");
        }

        // Pinned by its SHA-256 thumbprint: both connections work and mail flows over TLS.
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(MailServer.TlsCertificate));
        var thumbprint = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(certificate.RawData));
        await using var pinned = Create(new() { ["Frontdesk:Email:TrustedCertificates:0"] = thumbprint });
        await pinned.InitializeAsync();
        var pinnedAdmin = await pinned.CreateUserAsync(Frontdesk.Common.Security.Roles.Admin);
        var created = await pinnedAdmin.Api.PostAsJsonAsync("/api/v1/mailboxes", mailbox);
        var mailboxId = (await created.ReadJsonAsync())["id"]!.GetValue<long>();
        var ok = await (await pinnedAdmin.Api.PostAsync($"/api/v1/mailboxes/{mailboxId}/test", null)).ReadJsonAsync();
        ok["ok"]!.GetValue<bool>().ShouldBeTrue(ok.ToJsonString());
        var customer = await MailServer.AddAccountAsync("tls");
        await MailServer.SendAsync(MailServer.Mail(customer, support, "Over TLS", "Encrypted both ways."));
        await Eventually.GetAsync(async () =>
        {
            await pinned.Services.GetRequiredService<Frontdesk.Email.Intake.MailboxPoller>().PollAllAsync(CancellationToken.None);
            return pinned.WithDb(db => db.Tickets.Any(t => t.Subject == "Over TLS"));
        }, "the mail taken over IMAPS");
        var ack = await MailServer.WaitForMailAsync(customer, m => (m.Subject ?? "").Contains("Over TLS", StringComparison.Ordinal));
        ack.Subject.ShouldStartWith("[#"); // sent over SMTPS
    }
}

public sealed class SqliteMailSettingsTests : MailSettingsTests
{
    protected override FrontdeskApp Create(Dictionary<string, string> settings) => new SqliteApp { Settings = settings };
}

public sealed class PostgresMailSettingsTests : MailSettingsTests
{
    protected override FrontdeskApp Create(Dictionary<string, string> settings) => new PostgresApp { Settings = settings };
}
