using Frontdesk.Common.Security;
using Frontdesk.Email.Intake;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Frontdesk.IntegrationTests.Browser;

/// <summary>The e-mail channel's pages: an admin adds, tests and looks after mailboxes; an agent answers a mail with reply-all.</summary>
[Collection("browser")]
public sealed class EmailPageTests(BrowserFixture fx)
{
    [Fact]
    public async Task An_admin_adds_and_tests_a_mailbox_and_releases_quarantined_mail_on_the_pages()
    {
        var admin = await fx.CreateUserAsync(Roles.Admin, name: "Ada Admin");
        var support = await MailServer.AddAccountAsync("helpdesk", "desk.test");
        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await SignInAsync(context, admin.Email);
        await page.Locator("header.top nav a", new() { HasText = "Mailboxes" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mailboxes");

        // A mistake is explained, nothing is added, and the passwords typed are not sent back in the page.
        await page.FillAsync("#address", "not-an-address");
        await page.FillAsync("#imap-password", MailServer.Password);
        await page.FillAsync("#smtp-password", MailServer.Password);
        await page.ClickAsync("#add-mailbox");
        await Assertions.Expect(page.Locator("#add-errors")).ToContainTextAsync("address must be the support e-mail address");
        (await page.ContentAsync()).ShouldNotContain(MailServer.Password);
        await Assertions.Expect(page.Locator("#address")).ToHaveValueAsync("not-an-address");

        await page.FillAsync("#address", support);
        await page.FillAsync("#display-name", "IT Service Desk");
        await page.FillAsync("#max-mb", "1");
        await page.FillAsync("#imap-host", MailServer.Host);
        await page.FillAsync("#imap-port", MailServer.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#imap-security", "None");
        await page.FillAsync("#imap-username", support);
        await page.FillAsync("#imap-password", MailServer.Password);
        await page.FillAsync("#smtp-host", MailServer.Host);
        await page.FillAsync("#smtp-port", MailServer.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#smtp-security", "None");
        await page.ClickAsync("#add-mailbox");
        var row = page.Locator("table.mailboxes tr", new() { HasText = support });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        (await page.ContentAsync()).ShouldNotContain(MailServer.Password);

        await row.Locator("button", new() { HasText = "Test connection" }).ClickAsync();
        await Assertions.Expect(page.Locator("#test-result")).ToContainTextAsync("both connections work");
        await Assertions.Expect(page.Locator("#test-result")).ToContainTextAsync("OK: signed in");

        // Edit: the stored password is kept when the field is left empty; pausing shows on the list.
        await row.Locator("a", new() { HasText = "Edit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#imap-host")).ToHaveValueAsync(MailServer.Host);
        await Assertions.Expect(page.Locator("#imap-password")).ToHaveValueAsync("");
        await page.FillAsync("#display-name", "IT Service Desk (Berlin)");
        await page.UncheckAsync("#active");
        await page.ClickAsync("#save-mailbox");
        await Assertions.Expect(row).ToContainTextAsync("IT Service Desk (Berlin)");
        await Assertions.Expect(row).ToContainTextAsync("Paused");
        await row.Locator("button", new() { HasText = "Test connection" }).ClickAsync();
        await Assertions.Expect(page.Locator("#test-result")).ToContainTextAsync("both connections work");
        await row.Locator("a", new() { HasText = "Edit" }).ClickAsync();
        await page.FillAsync("#poll-seconds", "1");
        await page.CheckAsync("#active");
        await page.ClickAsync("#save-mailbox");
        await Assertions.Expect(page.Locator("#edit-errors")).ToContainTextAsync("pollSeconds is 10-3600");
        await page.FillAsync("#poll-seconds", "30");
        await page.ClickAsync("#save-mailbox");
        await Assertions.Expect(row).Not.ToContainTextAsync("Paused");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "mailboxes.png"), FullPage = true });

        // A mail over the 1 MB limit is kept in quarantine; the admin releases it into a ticket.
        var big = MailServer.Mail("someone@example.test", support, "Scan of the contract", "Attached.");
        var body = new BodyBuilder { TextBody = "Attached." };
        body.Attachments.Add("scan.bin", new byte[1_500_000]);
        big.Body = body.ToMessageBody();
        await MailServer.AppendAsync(support, big, seen: false);
        await Eventually.GetAsync(async () =>
        {
            await fx.Services.GetRequiredService<MailboxPoller>().PollAllAsync(CancellationToken.None);
            return fx.WithDb(db => db.InboundMails.Any(m => m.MessageId == big.MessageId && m.Status == Frontdesk.Email.Domain.InboundMailStatus.Quarantined));
        }, "the big mail in quarantine");
        await page.GotoAsync("/admin/mailboxes");
        await page.Locator("table.mailboxes tr", new() { HasText = support }).Locator("a", new() { HasText = "1 quarantined" }).ClickAsync();
        var kept = page.Locator("table.quarantine tr", new() { HasText = "Scan of the contract" });
        await Assertions.Expect(kept).ToContainTextAsync("over this mailbox's limit");
        await kept.Locator("button", new() { HasText = "Release" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("processed, on ticket #");
        await Assertions.Expect(page.Locator("table.quarantine")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "mailbox-quarantine.png"), FullPage = true });
        await page.Locator("#outcome a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Scan of the contract");
    }

    [Fact]
    public async Task An_agent_replies_to_all_from_the_ticket_page_and_the_copied_colleague_gets_the_mail()
    {
        var desk = await MailDesk.ConnectAsync(fx);
        var customer = await MailServer.AddAccountAsync("noor");
        var colleague = await MailServer.AddAccountAsync("noor-colleague");
        var mail = MailServer.Mail(customer, desk.Support, "Beamer in room 2.01 flickers", "Since this morning.");
        mail.Cc.Add(MailboxAddress.Parse(colleague));
        await MailServer.SendAsync(mail);
        var number = await desk.TicketOfAsync(customer);

        var agent = await fx.CreateUserAsync(Roles.Agent, name: "Rui Costa");
        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await SignInAsync(context, agent.Email);
        await page.GotoAsync($"/tickets/{number}");
        await page.FillAsync("#reply-body", "Swapping the cable at 14:00.");
        await page.CheckAsync("#reply-all");
        await page.ClickAsync("#send-reply");
        await Assertions.Expect(page.Locator("article.message").Last).ToContainTextAsync("Swapping the cable");

        var reply = await MailServer.WaitForMailAsync(colleague, m => (m.TextBody ?? "").Contains("Swapping the cable", StringComparison.Ordinal));
        reply.To.Mailboxes.Single().Address.ShouldBe(customer);
        reply.Cc.Mailboxes.Select(m => m.Address).ShouldBe([colleague]);
    }

    [Fact]
    public async Task An_admin_rewrites_an_automatic_mail_and_blocks_a_sender_on_the_pages()
    {
        var admin = await fx.CreateUserAsync(Roles.Admin, name: "Ada Admin");
        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await SignInAsync(context, admin.Email);
        await page.Locator("header.top nav a", new() { HasText = "Automatic mails" }).ClickAsync();
        await page.Locator("table.templates a", new() { HasText = "Acknowledgement" }).ClickAsync();
        await Assertions.Expect(page.Locator("#template-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("we have your request"));

        // A misspelt placeholder is named, and nothing is saved.
        await page.FillAsync("#template-text", "Hi {{firstname}}, we have #{{number}}.");
        await page.ClickAsync("#save-template");
        await Assertions.Expect(page.Locator("#template-errors")).ToContainTextAsync("{{firstname}}");
        await Assertions.Expect(page.Locator("#template-text")).ToHaveValueAsync("Hi {{firstname}}, we have #{{number}}.");

        await page.FillAsync("#template-text", "Hi {{first name}}, we have #{{number}}. The Service Desk");
        await page.ClickAsync("#save-template");
        await Assertions.Expect(page.Locator("#saved")).ToContainTextAsync("Saved");
        var stored = await admin.Api.GetJsonAsync("/api/v1/mail-templates");
        var ack = stored["items"]!.AsArray().Single(t => t!.Str("kind") == "acknowledgement")!;
        ack.Str("text").ShouldBe("Hi {{first name}}, we have #{{number}}. The Service Desk");
        ack["custom"]!.GetValue<bool>().ShouldBeTrue();

        await page.ClickAsync("#reset-template");
        await Assertions.Expect(page.Locator("#template-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("we have your request"));
        (await admin.Api.GetJsonAsync("/api/v1/mail-templates"))["items"]!.AsArray()
            .Single(t => t!.Str("kind") == "acknowledgement")!["custom"]!.GetValue<bool>().ShouldBeFalse();

        // Blocking a domain, then lifting the block.
        var domain = $"@spam-{Guid.NewGuid():N}.example";
        await page.GotoAsync("/admin/mailboxes");
        await page.FillAsync("#block-pattern", "not a pattern");
        await page.ClickAsync("#block-sender");
        await Assertions.Expect(page.Locator("#block-errors")).ToContainTextAsync("pattern is an e-mail address");
        await page.FillAsync("#block-pattern", domain);
        await page.FillAsync("#block-reason", "Newsletter robot");
        await page.ClickAsync("#block-sender");
        var row = page.Locator("table.blocked tr", new() { HasText = domain });
        await Assertions.Expect(row).ToContainTextAsync("Newsletter robot");
        (await admin.Api.GetJsonAsync("/api/v1/blocked-senders"))["items"]!.AsArray().Select(b => b!.Str("pattern")).ShouldContain(domain);
        await row.Locator("button", new() { HasText = "Unblock" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.blocked tr", new() { HasText = domain })).ToHaveCountAsync(0);
        (await admin.Api.GetJsonAsync("/api/v1/blocked-senders"))["items"]!.AsArray().Select(b => b!.Str("pattern")).ShouldNotContain(domain);
    }

    [Fact]
    public async Task An_agent_sees_a_mail_as_formatted_with_its_inline_screenshot()
    {
        var desk = await MailDesk.ConnectAsync(fx);
        var customer = await MailServer.AddAccountAsync("yara");
        var mail = MailServer.Mail(customer, desk.Support, "Error dialog on start", "See the screenshot.");
        var body = new BodyBuilder { TextBody = "See the screenshot.", HtmlBody = """<p>See <b>the screenshot</b>:</p><img src="cid:shot1@mail.example" alt="screenshot"><img src="https://tracker.example/pixel.gif" alt="tracker">""" };
        var image = body.LinkedResources.Add("shot.png", Convert.FromBase64String(OnePixelPng), new ContentType("image", "png"));
        image.ContentId = "shot1@mail.example";
        mail.Body = body.ToMessageBody();
        await MailServer.SendAsync(mail);
        var number = await desk.TicketOfAsync(customer);

        var agent = await fx.CreateUserAsync(Roles.Agent, name: "Lea Brandt");
        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await SignInAsync(context, agent.Email);
        await page.GotoAsync($"/tickets/{number}");
        await page.Locator("details.formatted summary").ClickAsync();
        var shot = page.Locator(".html-body img[alt=screenshot]");
        await Assertions.Expect(shot).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex($"^/tickets/{number}/attachments/\\d+$"));
        await Assertions.Expect(page.Locator(".html-body b")).ToHaveTextAsync("the screenshot");
        // The image really loads from the ticket; the tracking pixel has no source at all.
        await Assertions.Expect(shot).ToHaveJSPropertyAsync("naturalWidth", 1);
        (await page.Locator(".html-body img[alt=tracker]").GetAttributeAsync("src")).ShouldBeNull();
    }

    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    [Fact]
    public async Task An_agent_gets_no_mailbox_pages()
    {
        var agent = await fx.CreateUserAsync(Roles.Agent, name: "Ann Agent");
        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await SignInAsync(context, agent.Email);
        (await page.Locator("header.top nav a", new() { HasText = "Mailboxes" }).CountAsync()).ShouldBe(0);
        var response = await page.GotoAsync("/admin/mailboxes");
        response!.Status.ShouldBe(403);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
        (await page.Locator("#add-mailbox").CountAsync()).ShouldBe(0);
        (await page.GotoAsync("/admin/mailboxes/1/quarantine"))!.Status.ShouldBe(403);
        (await page.GotoAsync("/admin/mail-templates"))!.Status.ShouldBe(403);
        (await page.GotoAsync("/admin/mail-templates/acknowledgement"))!.Status.ShouldBe(403);
        (await page.Locator("#template-text").CountAsync()).ShouldBe(0);
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", FrontdeskApp.Password);
        await page.ClickAsync("#signin");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tickets");
        return page;
    }
}
