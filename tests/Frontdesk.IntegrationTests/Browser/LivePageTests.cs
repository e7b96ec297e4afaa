using Frontdesk.Common.Security;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Frontdesk.IntegrationTests.Browser;

/// <summary>
/// A customer's open ticket page follows the desk's public answers without a reload, and an
/// internal note does not even make it ask the server again (issue 12: never an internal note by
/// any route, live push included).
/// </summary>
[Collection("browser")]
public sealed class LivePageTests(BrowserFixture fx)
{
    [Fact]
    public async Task A_customers_page_follows_public_answers_and_never_moves_on_an_internal_note()
    {
        var customer = await fx.CreateUserAsync(Roles.Customer, name: "Jonas Weber");
        var agent = await fx.CreateUserAsync(Roles.Agent, name: "Mia Hoffmann");
        var n = (await customer.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Headset crackles", body = "Left ear only." })).Number();

        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await context.NewPageAsync();
        await Live.NodeBrowser.SignInAsync(page, $"/signin?ReturnUrl=%2Ftickets%2F{n}", customer.Email, FrontdeskApp.Password);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Headset crackles");
        await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "on");
        var reads = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith($"/tickets/{n}", StringComparison.Ordinal)) Interlocked.Increment(ref reads);
        };

        await agent.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "Known driver issue, see KB-12", @internal = true });
        await Task.Delay(1500); // a refresh would have started within 150 ms
        reads.ShouldBe(0);
        (await page.ContentAsync()).ShouldNotContain("KB-12");

        await agent.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "Hello Jonas, a new headset is on its way." });
        await Assertions.Expect(page.Locator("article.message")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("article.message").Last).ToContainTextAsync("a new headset is on its way");
        reads.ShouldBeGreaterThan(0);
        (await page.ContentAsync()).ShouldNotContain("KB-12");
    }
}
