using Frontdesk.Common.Security;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Frontdesk.IntegrationTests.Browser;

[Collection("browser")]
public sealed class SignInAndTicketTests(BrowserFixture fx)
{
    [Fact]
    public async Task A_customer_signs_in_opens_their_ticket_and_replies()
    {
        var customer = await fx.CreateUserAsync(Roles.Customer, name: "Lena Fischer");
        var agent = await fx.CreateUserAsync(Roles.Agent, name: "Sam Okafor");
        var n = (await customer.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Docking station not charging", body = "The laptop battery drains while docked." })).Number();
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "Secret: replacing the dock from stock", @internal = true });
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "Hello Lena, which dock model do you use?" });

        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/tickets");
        page.Url.ShouldContain("/signin"); // not signed in yet
        await page.FillAsync("#email", customer.Email);
        await page.FillAsync("#password", FrontdeskApp.Password);
        await page.ClickAsync("#signin");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tickets");
        await page.Locator("table.tickets a", new() { HasText = "Docking station not charging" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Docking station not charging");
        // The stylesheet applies on a nested path too (relative asset URLs resolve against <base href="/">).
        await Assertions.Expect(page.Locator("header.top")).ToHaveCSSAsync("background-color", "rgb(29, 39, 51)");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/tickets/{n}$"));
        await Assertions.Expect(page.Locator("article.message")).ToHaveCountAsync(2);
        (await page.ContentAsync()).ShouldNotContain("replacing the dock from stock");
        (await page.Locator("#reply-internal").CountAsync()).ShouldBe(0);
        (await page.Locator("#reply-all").CountAsync()).ShouldBe(0);

        await page.FillAsync("#reply-body", "It is the Dell WD19.");
        await page.ClickAsync("#send-reply");
        await Assertions.Expect(page.Locator("article.message")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("article.message").Last).ToContainTextAsync("It is the Dell WD19.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "customer-ticket.png"), FullPage = true });

        var messages = await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}/messages");
        messages["items"]!.AsArray().Last()!.Str("body").ShouldBe("It is the Dell WD19.");
    }

    [Fact]
    public async Task An_agent_sees_internal_notes_and_a_wrong_password_is_refused()
    {
        var agent = await fx.CreateUserAsync(Roles.Agent, name: "Priya Raman");
        var n = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Switch in rack B4 beeps", body = "Loud beeping", requesterEmail = "ops@example.com" })).Number();
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "Fan module failing, RMA opened", @internal = true });
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new
        {
            body = "The beeping stopped after the reboot.\n\nOn Tue, 24 Nov 2026 at 09:12, Ops <ops@example.com> wrote:\n> Rack B4 beeps again\n> since 8:00",
            @internal = true,
        });

        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#email", agent.Email);
        await page.FillAsync("#password", "wrong-password-123");
        await page.ClickAsync("#signin");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("wrong");

        await page.FillAsync("#email", agent.Email);
        await page.FillAsync("#password", FrontdeskApp.Password);
        await page.ClickAsync("#signin");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tickets");
        await page.GotoAsync($"/tickets/{n}");
        await Assertions.Expect(page.Locator("article.message.internal").First).ToContainTextAsync("Fan module failing");
        // Quoted history is folded away until asked for.
        var quoted = page.Locator("details.quoted");
        await Assertions.Expect(quoted.Locator("p.body")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("article.message").Last.Locator("p.body").First).ToHaveTextAsync("The beeping stopped after the reboot.");
        await quoted.Locator("summary").ClickAsync();
        await Assertions.Expect(quoted.Locator("p.body")).ToContainTextAsync("Rack B4 beeps again");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("created");
    }
}
