using Frontdesk.Common.Data;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Frontdesk.IntegrationTests.Browser;

/// <summary>Frontdesk on a real loopback port, and Debian's headless Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : FrontdeskApp
{
    internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    internal static string ChromiumPath() =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p
        : new[] { "/usr/lib/chromium/chromium-headless-shell", "/usr/lib/chromium/chromium" }.FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("No Chromium found: run scripts/test (it installs Debian's chromium-headless-shell).");

    public override async Task InitializeAsync()
    {
        // Two cores shared with the other test collections: allow a slow first render.
        Assertions.SetDefaultExpectTimeout(20_000);
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
