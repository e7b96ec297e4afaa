using System.Net;
using Frontdesk.Common.Security;
using Frontdesk.IntegrationTests.Browser;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Frontdesk.IntegrationTests.AgentConsole;

/// <summary>
/// The agent console (issue 13) in a real Chromium against a real server: queues with live counts
/// and bulk changes, the ticket workspace with fields changed in place and on other agents'
/// screens, the composer's reply-and-resolve, its draft, and who may open it at all.
/// </summary>
[Collection("browser")]
public sealed class ConsoleTests(BrowserFixture fx)
{
    private async Task<(TestUser Admin, TestUser Agent, string Team)> TeamWithAgentAsync(string agentName)
    {
        var admin = await fx.CreateUserAsync(Roles.Admin);
        var agent = await fx.CreateUserAsync(Roles.Agent, name: agentName);
        var team = $"Desk {Guid.NewGuid():N}"[..12];
        await admin.Api.PostJsonAsync("/api/v1/teams", new { name = team, tier = 1, memberIds = new[] { agent.PersonId } });
        return (admin, agent, team);
    }

    private async Task<IPage> ConsoleAsync(IBrowserContext context, TestUser who, string path)
    {
        var page = await context.NewPageAsync();
        await Live.NodeBrowser.SignInAsync(page, $"/signin?ReturnUrl={Uri.EscapeDataString(path)}", who.Email, FrontdeskApp.Password);
        await Assertions.Expect(page.Locator(".console-bar")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task An_agent_works_their_teams_unassigned_queue_and_takes_two_tickets_at_once()
    {
        var (_, agent, team) = await TeamWithAgentAsync("Noor Haddad");
        var customer = await fx.CreateUserAsync(Roles.Customer, name: "Lotte Brandt");
        var numbers = new List<long>();
        foreach (var subject in new[] { "VPN drops every hour", "Printer on 2nd floor offline", "New starter needs a laptop" })
        {
            numbers.Add((await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject, body = "Please help.", requesterEmail = customer.Email, team })).Number());
        }

        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await ConsoleAsync(context, agent, "/agent/views/unassigned");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My teams' unassigned");
        await Assertions.Expect(page.Locator("table.queue tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#view-unassigned .view-count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#view-mine .view-count")).ToHaveTextAsync("0");
        // The requester's name comes first, before the number.
        await Assertions.Expect(page.Locator("table.queue tbody tr").First.Locator("td.requester")).ToHaveTextAsync("Lotte Brandt");

        await page.GetByLabel($"Select #{numbers[0]}").CheckAsync();
        await page.GetByLabel($"Select #{numbers[2]}").CheckAsync();
        await Assertions.Expect(page.Locator(".bulk")).ToContainTextAsync("2 selected");
        await page.ClickAsync("#bulk-take");

        await Assertions.Expect(page.Locator("table.queue tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#view-mine .view-count")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#view-unassigned .view-count")).ToHaveTextAsync("1");
        foreach (var n in new[] { numbers[0], numbers[2] })
        {
            (await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}"))["assignee"]!["id"]!.GetValue<long>().ShouldBe(agent.PersonId);
        }
        (await agent.Api.GetJsonAsync($"/api/v1/tickets/{numbers[1]}"))["assignee"].ShouldBeNull();

        await page.ClickAsync("#view-mine");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My tickets");
        await Assertions.Expect(page.Locator("table.queue tbody tr")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "console-queue.png"), FullPage = true });
    }

    [Fact]
    public async Task A_queue_follows_a_ticket_created_elsewhere_without_a_reload()
    {
        var (_, agent, team) = await TeamWithAgentAsync("Ravi Menon");
        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await ConsoleAsync(context, agent, "/agent/views/unassigned");
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("No tickets match this view");

        var n = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Badge reader at gate 3 dead", body = "Nobody gets in.", requesterEmail = "guard@example.com", team })).Number();

        await Assertions.Expect(page.Locator($"tr[data-ticket='{n}']")).ToContainTextAsync("Badge reader at gate 3 dead");
        await Assertions.Expect(page.Locator("#view-unassigned .view-count")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task An_agent_notes_then_replies_and_resolves_in_one_action_and_the_customer_never_sees_the_note()
    {
        var agent = await fx.CreateUserAsync(Roles.Agent, name: "Ines Duarte");
        var customer = await fx.CreateUserAsync(Roles.Customer, name: "Tomasz Nowak");
        var n = (await customer.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Outlook asks for my password", body = "Every ten minutes." })).Number();

        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await ConsoleAsync(context, agent, $"/agent/tickets/{n}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Outlook asks for my password");
        await Assertions.Expect(page.Locator(".requester-line")).ToContainTextAsync("Tomasz Nowak");

        await page.CheckAsync("#mode-note");
        await page.FillAsync("#composer-body", "Token cache corrupt, known issue INC-881");
        await page.ClickAsync("#send");
        await Assertions.Expect(page.Locator("article.message.internal")).ToContainTextAsync("INC-881");
        await Assertions.Expect(page.Locator("article.message.internal .note-badge")).ToHaveTextAsync("Internal note · staff only");

        await page.CheckAsync("#mode-reply");
        await page.FillAsync("#composer-body", "Hello Tomasz, please sign out of Outlook once; it will stop asking.");
        await page.ClickAsync("#send-resolved");
        await Assertions.Expect(page.Locator("article.message").Last).ToContainTextAsync("please sign out of Outlook once");
        await Assertions.Expect(page.Locator("#f-status option:checked")).ToHaveTextAsync("Resolved");
        await Assertions.Expect(page.Locator("#composer-body")).ToHaveValueAsync("");

        var seen = await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}");
        seen.Str("statusCategory").ShouldBe("resolved");
        var theirs = await customer.Api.GetJsonAsync($"/api/v1/tickets/{n}/messages");
        var bodies = theirs["items"]!.AsArray().Select(m => m!.Str("body")).ToList();
        bodies.ShouldContain("Hello Tomasz, please sign out of Outlook once; it will stop asking.");
        bodies.ShouldNotContain(b => b.Contains("INC-881"));

        // And the customer's own page, in their own browser, shows the reply and not the note.
        await using var theirBrowser = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var theirPage = await theirBrowser.NewPageAsync();
        await Live.NodeBrowser.SignInAsync(theirPage, $"/signin?ReturnUrl=%2Ftickets%2F{n}", customer.Email, FrontdeskApp.Password);
        await Assertions.Expect(theirPage.Locator("article.message").Last).ToContainTextAsync("please sign out of Outlook once");
        (await theirPage.ContentAsync()).ShouldNotContain("INC-881");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "console-ticket.png"), FullPage = true });
    }

    [Fact]
    public async Task A_field_changed_by_one_agent_shows_at_once_on_another_agents_screen()
    {
        var first = await fx.CreateUserAsync(Roles.Agent, name: "Aiko Tanaka");
        var second = await fx.CreateUserAsync(Roles.Agent, name: "Bram de Vries");
        var n = (await first.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Projector in room 4 flickers", body = "Since Monday.", requesterEmail = "room4@example.com" })).Number();

        await using var one = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        await using var two = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var a = await ConsoleAsync(one, first, $"/agent/tickets/{n}");
        var b = await ConsoleAsync(two, second, $"/agent/tickets/{n}");
        await Assertions.Expect(a.Locator("h1")).ToContainTextAsync("Projector in room 4 flickers");
        await Assertions.Expect(b.Locator("h1")).ToContainTextAsync("Projector in room 4 flickers");

        await a.ClickAsync("#take");
        await Assertions.Expect(a.Locator("#f-assignee option:checked")).ToHaveTextAsync("Aiko Tanaka");
        await Assertions.Expect(b.Locator("#f-assignee option:checked")).ToHaveTextAsync("Aiko Tanaka");
        await Assertions.Expect(b.Locator("p.event").Last).ToContainTextAsync("set assignee to Aiko Tanaka");

        await b.SelectOptionAsync("#f-urgency", "high");
        await Assertions.Expect(a.Locator("#f-urgency option:checked")).ToHaveTextAsync("High");
        var ticket = await first.Api.GetJsonAsync($"/api/v1/tickets/{n}");
        ticket.Str("urgency").ShouldBe("high");
        ticket["assignee"]!.Str("name").ShouldBe("Aiko Tanaka");
    }

    [Fact]
    public async Task A_priority_set_by_hand_needs_a_reason_and_the_subject_is_edited_in_place()
    {
        var agent = await fx.CreateUserAsync(Roles.Agent, name: "Lea Schmitt");
        var n = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Email slow", body = "Very slow.", requesterEmail = "ceo@example.com" })).Number();

        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await ConsoleAsync(context, agent, $"/agent/tickets/{n}");
        await page.ClickAsync("#edit-subject");
        await page.FillAsync("#subject-input", "Email slow for the whole board");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Email slow for the whole board");

        await page.Locator(".override-box summary").ClickAsync();
        await page.SelectOptionAsync("#f-override", "critical");
        await page.FillAsync("#f-override-reason", "The board meets in an hour");
        await page.Locator(".override-box button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#f-priority")).ToHaveTextAsync("Critical");
        await Assertions.Expect(page.Locator(".priority-line")).ToContainTextAsync("The board meets in an hour");

        var ticket = await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}");
        ticket.Str("subject").ShouldBe("Email slow for the whole board");
        ticket.Str("priority").ShouldBe("critical");
        ticket.Str("priorityOverrideReason").ShouldBe("The board meets in an hour");
    }

    [Fact]
    public async Task A_draft_survives_a_reload_and_is_gone_once_sent()
    {
        var agent = await fx.CreateUserAsync(Roles.Agent, name: "Jonas Berg");
        var n = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Teams camera black", body = "In every call.", requesterEmail = "cam@example.com" })).Number();

        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await ConsoleAsync(context, agent, $"/agent/tickets/{n}");
        await page.Locator("#composer-body").PressSequentiallyAsync("Could you try another USB port?");
        await Assertions.Expect(page.Locator(".draft-state")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#composer-body")).ToHaveValueAsync("Could you try another USB port?");

        await page.ClickAsync("#send");
        await Assertions.Expect(page.Locator("article.message").Last).ToContainTextAsync("another USB port");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Teams camera black");
        await Assertions.Expect(page.Locator("#composer-body")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task A_customer_cannot_open_the_console_and_only_the_console_allows_inline_styles()
    {
        var customer = await fx.CreateUserAsync(Roles.Customer);
        var agent = await fx.CreateUserAsync(Roles.Agent);
        HttpClient Plain() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(fx.BaseUrl) };
        using var browser = Plain();
        await browser.PostSignInAsync(customer.Email, FrontdeskApp.Password);
        var refused = await browser.GetAsync("/agent/views/open");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/signin");

        using var agentBrowser = Plain();
        await agentBrowser.PostSignInAsync(agent.Email, FrontdeskApp.Password);
        var console = await agentBrowser.GetAsync("/agent");
        console.StatusCode.ShouldBe(HttpStatusCode.OK);
        var policy = console.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("style-src 'self' 'unsafe-inline'");
        policy.ShouldContain("script-src 'self';");
        var plain = await agentBrowser.GetAsync("/tickets");
        plain.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("style-src 'self';");
        // Staff start in the console.
        var home = await agentBrowser.GetAsync("/");
        home.Headers.Location!.ToString().ShouldEndWith("/agent");
    }
}
