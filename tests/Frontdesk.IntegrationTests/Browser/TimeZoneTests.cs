using Frontdesk.Common.Security;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Frontdesk.IntegrationTests.Browser;

/// <summary>
/// Times on the pages are on the reader's clock (issue 13, first slice): their profile's time zone,
/// else their browser's, with the full timestamp and zone on hover.
/// </summary>
[Collection("browser")]
public sealed class TimeZoneTests(BrowserFixture fx)
{
    [Fact]
    public async Task An_agent_reads_times_in_their_profiles_zone_and_a_customer_in_their_browsers()
    {
        var agent = await fx.CreateUserAsync(Roles.Agent, name: "Kenji Sato");
        var customer = await fx.CreateUserAsync(Roles.Customer, name: "Ruth Miller");
        var n = (await customer.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Badge does not open the garage", body = "Level -2." })).Number();
        var created = (await customer.Api.GetJsonAsync($"/api/v1/tickets/{n}"))["createdAt"]!.GetValue<DateTimeOffset>();

        // The agent chooses Tokyo on their profile (the name at the top right); their browser says
        // Berlin: the profile wins.
        await using (var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl, TimezoneId = "Europe/Berlin" }))
        {
            var page = await SignInAsync(context, agent.Email, "/tickets");
            await page.ClickAsync("a.who");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your profile");
            await Assertions.Expect(page.Locator("#time-zone")).ToHaveValueAsync("");
            await page.SelectOptionAsync("#time-zone", "Asia/Tokyo");
            await page.FocusAsync("#save-profile");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("p.ok")).ToContainTextAsync("Asia/Tokyo");
            await Assertions.Expect(page.Locator("#time-zone")).ToHaveValueAsync("Asia/Tokyo");
            await page.GotoAsync($"/tickets/{n}");
            var time = page.Locator("article.message time").First;
            await Assertions.Expect(time).ToHaveTextAsync(created.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(time).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"Asia/Tokyo \(UTC\+09:00\)$"));
        }

        // The customer chose no zone: their browser's (Chicago) applies from the page after the first.
        await using (var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl, TimezoneId = "America/Chicago" }))
        {
            var page = await SignInAsync(context, customer.Email, "/tickets");
            await page.ReloadAsync();
            var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
            var updated = (await customer.Api.GetJsonAsync($"/api/v1/tickets/{n}"))["updatedAt"]!.GetValue<DateTimeOffset>();
            var time = page.Locator("table.tickets time").First;
            await Assertions.Expect(time).ToHaveTextAsync(TimeZoneInfo.ConvertTime(updated, chicago).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(time).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"America/Chicago \(UTC-0[56]:00\)$"));
        }
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string email, string then)
    {
        var page = await context.NewPageAsync();
        await Live.NodeBrowser.SignInAsync(page, $"/signin?ReturnUrl={Uri.EscapeDataString(then)}", email, FrontdeskApp.Password);
        await page.WaitForURLAsync($"**{then}");
        return page;
    }
}
