using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Frontdesk.IntegrationTests.Faults;

/// <summary>Frontdesk as a real process, as a person runs it, so a test can kill it with SIGKILL and start it again on the same data.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private Process? _process;

    /// <summary>What the process wrote to standard output and error, line by line, over all its runs.</summary>
    public IReadOnlyCollection<string> Output => _output;

    public HostProcess(Dictionary<string, string> environment)
    {
        _environment = environment;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    /// <summary>The same address on every start: the node's name (and so its leases) stays the same.</summary>
    public string Url { get; }

    public HttpClient Client() => new() { BaseAddress = new Uri(Url) };

    public async Task StartAsync()
    {
        // Started as a terminal would start it: a test run in the background inherits an ignored
        // SIGINT (and .NET keeps a signal ignored at start ignored), so python3 puts Ctrl-C back first.
        var start = new ProcessStartInfo("python3", ["-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
            "dotnet", Path.Combine(AppContext.BaseDirectory, "Frontdesk.Web.dll"), "--urls", Url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        _process?.Dispose();
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = Client();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (_process.HasExited) throw new InvalidOperationException($"Frontdesk exited with {_process.ExitCode} while starting.");
            if (waited.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("Frontdesk did not start within 60 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a power cut or the OOM killer would.</summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGINT, what Ctrl-C in a terminal sends; the exit code, or null when it is still running after <paramref name="within"/>.</summary>
    public async Task<int?> InterruptAsync(TimeSpan within)
    {
        using (var kill = Process.Start("kill", ["-INT", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var deadline = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
        _process = null;
    }
}
