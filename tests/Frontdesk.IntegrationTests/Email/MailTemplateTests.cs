using Frontdesk.Common.Security;
using System.Net;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.IntegrationTests.Email;

/// <summary>Admins write the automatic mails; placeholders are filled, never evaluated.</summary>
public sealed class MailTemplateTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_admin_rewrites_the_acknowledgement_and_a_customers_subject_is_printed_as_written()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var invalid = await admin.Api.PutAsJsonAsync("/api/v1/mail-templates/acknowledgement", new { text = "Hi {{first name}}, {{7*7}} {{password}}" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.ReadJsonAsync())["errors"]!["text"]!.ToJsonString().ShouldContain("{{password}}");
        var agent = await app.CreateUserAsync(Roles.Agent);
        (await agent.Api.GetAsync("/api/v1/mail-templates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var saved = await admin.Api.PutAsJsonAsync("/api/v1/mail-templates/acknowledgement", new
        {
            text = "Hallo {{first name}},\nwir haben Ihre Anfrage #{{number}} ({{subject}}) erhalten.",
            html = "<p>Hallo {{first name}}, Anfrage <b>#{{number}}</b>: {{subject}}</p><script>alert(1)</script>",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var list = (await admin.Api.GetJsonAsync("/api/v1/mail-templates"))["items"]!.AsArray();
        list.Single(t => t!.Str("kind") == "acknowledgement")!["custom"]!.GetValue<bool>().ShouldBeTrue();
        list.Single(t => t!.Str("kind") == "resolved")!["custom"]!.GetValue<bool>().ShouldBeFalse();

        var support = await MailServer.AddAccountAsync("support", "desk.test");
        await admin.Api.PostJsonAsync("/api/v1/mailboxes", new
        {
            address = support,
            imap = new { host = MailServer.Host, port = MailServer.ImapPort, security = "None", username = support, password = MailServer.Password },
            smtp = new { host = MailServer.Host, port = MailServer.SmtpPort, security = "None" },
        });
        var customer = await MailServer.AddAccountAsync("jonas");
        await MailServer.SendAsync(MailServer.Mail(customer, support, "<b>{{7*7}}</b> {{number}}", "text", "Jonas Berg"));
        var poller = app.Services.GetRequiredService<Frontdesk.Email.Intake.MailboxPoller>();
        var ack = await Eventually.GetAsync(async () =>
        {
            await poller.PollAllAsync(CancellationToken.None);
            var inbox = await MailServer.InboxAsync(customer);
            return inbox.Count == 0 ? null : inbox[0];
        }, "the acknowledgement");
        var number = app.WithDb(db => db.InboundMails.Single(m => m.FromAddress == customer).TicketId!.Value);
        (ack.TextBody ?? "").ShouldContain($"Hallo Jonas,\nwir haben Ihre Anfrage #{number} (<b>{{{{7*7}}}}</b> {{{{number}}}}) erhalten.");
        (ack.HtmlBody ?? "").ShouldContain($"<b>#{number}</b>: &lt;b&gt;{{{{7*7}}}}&lt;/b&gt; {{{{number}}}}");
        (ack.HtmlBody ?? "").ShouldNotContain("<script");

        (await admin.Api.DeleteAsync("/api/v1/mail-templates/acknowledgement")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.Api.PutAsJsonAsync("/api/v1/mail-templates/no-such-mail", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
