using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Frontdesk.IntegrationTests.Infrastructure;

namespace Frontdesk.IntegrationTests.Faults;

/// <summary>Ctrl-C stops Frontdesk within seconds, even while a mailbox poll hangs on a server that never answers.</summary>
public sealed class CtrlCTests
{
    [Fact]
    public async Task Ctrl_c_stops_frontdesk_while_a_poll_waits_on_a_silent_mail_server()
    {
        // A mail server that accepts connections and never says a word.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true) accepted.Add(await silent.AcceptTcpClientAsync());
        });
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var data = Path.Combine(Path.GetTempPath(), "frontdesk-tests", Guid.NewGuid().ToString("N"));
        await using var host = new HostProcess(new()
        {
            ["Frontdesk__DataDirectory"] = data,
            ["Frontdesk__Demo__Enabled"] = "false",
            ["Frontdesk__Bootstrap__AdminEmail"] = "admin@ctrlc.test",
            ["Frontdesk__Bootstrap__AdminPassword"] = "ctrl-c-password-1",
        });
        await host.StartAsync();
        using var api = host.Client();
        var token = (await api.PostJsonAsync("/api/v1/auth/tokens", new { email = "admin@ctrlc.test", password = "ctrl-c-password-1" })).Str("token");
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await api.PostJsonAsync("/api/v1/mailboxes", new
        {
            address = "support@ctrlc.test",
            imap = new { host = "127.0.0.1", port, security = "None", username = "support", password = "support-password" },
            smtp = new { host = "127.0.0.1", port, security = "None" },
        });
        await Eventually.GetAsync(() => Task.FromResult(accepted.Count > 0 ? true : (bool?)null), "the poller to connect to the silent server");

        // A fresh start says nothing alarming: no warnings (EF's SQLite pragma note, unencrypted-key note).
        // (The static file warning is this test's: the process runs outside the project, without its wwwroot.)
        host.Output.Where(line => line.StartsWith("warn:", StringComparison.Ordinal) && !line.Contains("StaticFileMiddleware", StringComparison.Ordinal)).ShouldBeEmpty();

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        var exitCode = await host.InterruptAsync(TimeSpan.FromSeconds(20));
        exitCode.ShouldBe(0, $"Frontdesk did not stop within 20 s of Ctrl-C ({stopping.Elapsed.TotalSeconds:0.0} s):\n{string.Join("\n", host.Output.TakeLast(30))}");
        Console.WriteLine($"Ctrl-C: stopped after {stopping.Elapsed.TotalSeconds:0.0} s");
        try { System.IO.Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
