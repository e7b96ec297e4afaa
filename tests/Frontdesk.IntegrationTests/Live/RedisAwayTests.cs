using System.Net;
using System.Net.Http.Headers;
using Frontdesk.IntegrationTests.Faults;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Frontdesk.IntegrationTests.Live;

/// <summary>
/// A node configured for Redis whose Redis does not answer starts anyway and works alone: its own
/// pages still follow its own changes (docs/operations.md, "When something goes away").
/// </summary>
public sealed class RedisAwayTests
{
    private const string Password = "redis-away-password-42";
    private const string Admin = "admin@away.test";

    [Fact]
    public async Task A_node_without_its_Redis_starts_and_its_pages_stay_live()
    {
        var data = Path.Combine(Path.GetTempPath(), "frontdesk-tests", Guid.NewGuid().ToString("N"));
        await using var node = new HostProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // static assets from the build output
            ["Frontdesk__DataDirectory"] = data,
            ["Frontdesk__Demo__Enabled"] = "false",
            ["Frontdesk__Bootstrap__AdminEmail"] = Admin,
            ["Frontdesk__Bootstrap__AdminPassword"] = Password,
            // Nothing listens on port 1 here: every connection is refused at once.
            ["Frontdesk__Redis__Configuration"] = "127.0.0.1:1,connectTimeout=1000",
            ["Frontdesk__Email__Enabled"] = "false",
        });
        await node.StartAsync();
        using var api = node.Client();
        var token = (await (await api.PostAsJsonAsync("/api/v1/auth/tokens", new { email = Admin, password = Password, name = "away" })).ReadJsonAsync())["token"]!.GetValue<string>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var n = (await api.PostJsonAsync("/api/v1/tickets", new { subject = "Projector in room Rhine flickers", body = "Since the update.", requesterEmail = "rhine@example.com" })).Number();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await NodeBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await NodeBrowser.SignInAsync(page, $"{node.Url}/signin?ReturnUrl=%2Ftickets%2F{n}", Admin, Password);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Projector in room Rhine flickers");
        await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "on", new() { Timeout = 20_000 });

        (await api.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = "open" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Open", new() { Timeout = 10_000 });
        node.Output.ShouldContain(l => l.Contains("Redis", StringComparison.Ordinal));
        try { System.IO.Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
