using System.Diagnostics;
using System.Net;
using Frontdesk.IntegrationTests.Infrastructure;

namespace Frontdesk.IntegrationTests.Hosting;

public sealed class HostingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Health_and_the_OpenAPI_document_answer_without_signing_in()
    {
        var client = app.CreateClient();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var openapi = await client.GetJsonAsync("/openapi/v1.json");
        openapi["paths"]!.AsObject().Select(p => p.Key).ShouldContain("/api/v1/tickets/{number}/messages");
        (await client.GetAsync("/scalar")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_send_an_anonymous_visitor_to_sign_in()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/tickets");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/signin");
        (await client.GetAsync("/signin")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_pages_stylesheet_is_served()
    {
        var client = app.CreateClient();
        var page = await client.GetStringAsync("/signin");
        var href = System.Text.RegularExpressions.Regex.Match(page, "href=\"([^\"]*\\.css)\"").Groups[1].Value;
        href.ShouldNotBeEmpty(page);
        var css = await client.GetAsync("/" + href.TrimStart('/'));
        css.StatusCode.ShouldBe(HttpStatusCode.OK, href);
        css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        (await css.Content.ReadAsStringAsync()).ShouldContain("header.top");

        // Browsers ask for a compressed copy; it must have content too.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + href.TrimStart('/'));
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var compressed = await client.SendAsync(request);
        compressed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await compressed.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("Frontdesk__Database__Provider", "Oracle", "Frontdesk__Database__Provider")]
    [InlineData("Frontdesk__Bootstrap__AdminPassword", "short1", "too weak")]
    [InlineData("Frontdesk__DataDirectory", "/proc/frontdesk", "not writable")]
    [InlineData("Frontdesk__Email__TicketTagPrefix", "Ticket 1", "Frontdesk__Email__TicketTagPrefix")]
    public async Task Bad_configuration_stops_start_up_with_one_plain_line(string key, string value, string expected)
    {
        var (exitCode, stderr) = await RunHostAsync(new()
        {
            [key] = value,
            ["Frontdesk__Bootstrap__AdminEmail"] = "admin@example.com",
            ["Frontdesk__Bootstrap__AdminPassword"] = key == "Frontdesk__Bootstrap__AdminPassword" ? value : "a-strong-password-42",
        });
        exitCode.ShouldBe(2);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, stderr);
        lines[0].ShouldStartWith("Frontdesk cannot start: ");
        lines[0].ShouldContain(expected);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_stops_start_up_with_one_plain_line()
    {
        var (exitCode, stderr) = await RunHostAsync(new()
        {
            ["Frontdesk__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Frontdesk"] = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=3",
        });
        exitCode.ShouldBe(2);
        stderr.Trim().Split('\n').Length.ShouldBe(1, stderr);
        stderr.ShouldContain("Cannot reach or migrate the PostgreSQL database");
    }

    [Fact]
    public async Task An_unreadable_PostgreSQL_connection_string_stops_start_up_with_one_plain_line()
    {
        var (exitCode, stderr) = await RunHostAsync(new()
        {
            ["Frontdesk__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Frontdesk"] = "Hots=127.0.0.1;Database=x;Username=x;Password=x",
        });
        exitCode.ShouldBe(2);
        stderr.Trim().Split('\n').Length.ShouldBe(1, stderr);
        stderr.ShouldContain("ConnectionStrings__Frontdesk cannot be read");
    }

    /// <summary>Starts the real host as a process (as a person would) and waits for it to give up.</summary>
    private static async Task<(int ExitCode, string StandardError)> RunHostAsync(Dictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Frontdesk.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.Combine(Path.GetTempPath(), "frontdesk-tests"),
        };
        System.IO.Directory.CreateDirectory(start.WorkingDirectory);
        start.Environment["Frontdesk__DataDirectory"] = Path.Combine(start.WorkingDirectory, Guid.NewGuid().ToString("N"));
        start.Environment["Frontdesk__Demo__Enabled"] = "false";
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The host did not stop within 60 s: it started although the configuration is bad.");
        }
        return (process.ExitCode, await stderr);
    }
}
