using Frontdesk.Common.Security;
using System.Net;
using System.Text.Json.Nodes;
using Frontdesk.IntegrationTests.Infrastructure;
using MimeKit;

namespace Frontdesk.IntegrationTests.Email;

/// <summary>
/// "I mailed IT and nothing happened": the mailbox keeps every mail it took with its outcome, and
/// an admin finds it in a minute, on the API and on the mailbox's mail log page.
/// </summary>
public abstract class MailLogTests(FrontdeskApp app)
{
    [Fact]
    public async Task Every_mail_the_mailbox_took_is_in_its_log_with_its_outcome()
    {
        var desk = await MailDesk.ConnectAsync(app);
        var admin = desk.Admin;
        var customer = await MailServer.AddAccountAsync("logged");
        var first = MailServer.Mail(customer, desk.Support, "Printer on floor 3 jams", "Every page.");
        await MailServer.SendAsync(first);
        var number = await desk.TicketOfAsync(customer);
        await MailServer.SendAsync(MailServer.Mail(customer, desk.Support, $"Re: [#{number}] Printer on floor 3 jams", "Still jams."));
        await MailServer.AppendAsync(desk.Support, first, seen: false); // the same mail again
        var spammer = await MailServer.AddAccountAsync("toner", "spam.test");
        await admin.Api.PostJsonAsync("/api/v1/blocked-senders", new { pattern = "@spam.test" });
        await MailServer.SendAsync(MailServer.Mail(spammer, desk.Support, "Cheap toner", "Buy now."));
        await MailServer.AppendAsync(desk.Support, MailServer.Mail(desk.Support, desk.Support, "Our own", "Loop?"), seen: false);
        var nobody = new MimeMessage { Subject = "no sender here", Body = new TextPart("plain") { Text = "who am I" } };
        nobody.To.Add(MailboxAddress.Parse(desk.Support));
        await MailServer.AppendAsync(desk.Support, nobody, seen: false);
        var away = MailServer.Mail(customer, desk.Support, "Out of office: back Monday", "I am away.");
        away.Headers.Add("Auto-Submitted", "auto-replied");
        await MailServer.AppendAsync(desk.Support, away, seen: false);

        var log = await Eventually.GetAsync(async () =>
        {
            await desk.PollAsync();
            var items = (await admin.Api.GetJsonAsync($"/api/v1/mailboxes/{desk.MailboxId}/mails?limit=100"))["items"]!.AsArray();
            return items.Count == 7 && items.All(i => i!.Str("outcome") != "received") ? items : null;
        }, "seven decided mails in the log");

        string Outcome(Func<JsonNode, bool> match) => log.Single(i => match(i!))!.Str("outcome");
        var opened = log.Where(i => i!.Str("messageId") == first.MessageId).Select(i => i!).ToList();
        opened.Select(i => i.Str("outcome")).ShouldBe(["duplicate", "ticket"]); // newest first
        opened.ShouldAllBe(i => i["ticketNumber"]!.GetValue<long>() == number);
        opened[1].Str("from").ShouldBe(customer);
        opened[1].Str("subject").ShouldBe("Printer on floor 3 jams");
        opened[0].Str("reason").ShouldContain($"#{number}");
        Outcome(i => i.Str("subject").StartsWith("Re:", StringComparison.Ordinal)).ShouldBe("message");
        Outcome(i => i.Str("subject") == "Cheap toner").ShouldBe("blocked");
        Outcome(i => i.Str("subject") == "Our own").ShouldBe("own-mail");
        Outcome(i => i.Str("subject") == "no sender here").ShouldBe("quarantined");
        Outcome(i => i.Str("subject") == "Out of office: back Monday").ShouldBe("auto-reply");
        log.ShouldAllBe(i => i!["id"] != null && i["receivedAt"] != null);

        // Search by outcome, by words in sender or subject, by time; keyset pages.
        var mails = $"/api/v1/mailboxes/{desk.MailboxId}/mails";
        (await admin.Api.GetJsonAsync($"{mails}?outcome=blocked"))["items"]!.AsArray().Single()!.Str("from").ShouldBe(spammer);
        (await admin.Api.GetJsonAsync($"{mails}?q=PRINTER"))["items"]!.AsArray().Count.ShouldBe(3);
        (await admin.Api.GetJsonAsync($"{mails}?q={Uri.EscapeDataString(spammer.Split('@')[0])}"))["items"]!.AsArray().Count.ShouldBe(1);
        (await admin.Api.GetJsonAsync($"{mails}?since=2100-01-01"))["items"]!.AsArray().ShouldBeEmpty();
        var firstPage = await admin.Api.GetJsonAsync($"{mails}?limit=4");
        var secondPage = await admin.Api.GetJsonAsync($"{mails}?limit=4&cursor={Uri.EscapeDataString(firstPage.Str("next"))}");
        firstPage["items"]!.AsArray().Concat(secondPage["items"]!.AsArray()).Select(i => i!["id"]!.GetValue<long>())
            .ShouldBe(log.Select(i => i!["id"]!.GetValue<long>()));
        secondPage["next"].ShouldBeNull();

        var bad = await admin.Api.GetAsync($"{mails}?outcome=lost");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ReadJsonAsync())["errors"]!["outcome"].ShouldNotBeNull();
        (await admin.Api.GetAsync("/api/v1/mailboxes/999999/mails")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var agent = await app.CreateUserAsync(Roles.Agent);
        (await agent.Api.GetAsync(mails)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The page: an admin searches; an agent is kept out.
        var browser = app.Browser();
        (await browser.PostSignInAsync(admin.Email, FrontdeskApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await browser.GetStringAsync($"/admin/mailboxes/{desk.MailboxId}/mails?q=printer");
        page.ShouldContain("Ticket opened");
        page.ShouldContain("Added to ticket");
        page.ShouldContain("Duplicate");
        page.ShouldNotContain("Cheap toner");
        (await browser.GetStringAsync($"/admin/mailboxes/{desk.MailboxId}/mails?outcome=quarantined")).ShouldContain("no sender here");
        var agentBrowser = app.Browser();
        (await agentBrowser.PostSignInAsync(agent.Email, FrontdeskApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await agentBrowser.GetAsync($"/admin/mailboxes/{desk.MailboxId}/mails")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteMailLogTests(SqliteApp app) : MailLogTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMailLogTests(PostgresApp app) : MailLogTests(app), IClassFixture<PostgresApp>;
