using Microsoft.Playwright;

namespace Frontdesk.IntegrationTests.Live;

/// <summary>Headless Chromium for tests against Frontdesk processes, and the sign-in form.</summary>
internal static class NodeBrowser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = Browser.BrowserFixture.ChromiumPath(), Args = ["--no-sandbox"] });

    /// <summary>Signs in through the form at <paramref name="signInUrl"/>.</summary>
    public static async Task SignInAsync(IPage page, string signInUrl, string email, string password)
    {
        await page.GotoAsync(signInUrl);
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signin");
    }
}
