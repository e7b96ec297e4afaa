using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Frontdesk.Bench;

/// <summary>
/// Drives a running Frontdesk over HTTP: ticket creates per second with a token, then p50/p95 of
/// the queue view (team + open) and of text search, and the server's resident memory afterwards.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<int> RunAsync(Args args)
    {
        var url = args.Get("url", "http://127.0.0.1:5099");
        var creates = args.Int("creates", 5000);
        var concurrency = args.Int("concurrency", 32);
        var queries = args.Int("queries", 300);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };
        var login = await http.PostAsJsonAsync("/api/v1/auth/tokens", new { email = args.Require("email"), password = args.Require("password"), name = "bench" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Warm up until the server runs its optimized code (tiered JIT) and pools are full:
        // on 2 cores the first few thousand requests run at half speed or less while the JIT
        // recompiles hot code, which is start-up, not the steady state (docs/benchmarks.md).
        var warmup = args.Int("warmup", 5000);
        var warmed = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref warmed) <= warmup) await CreateAsync(http, -warmed);
        }));
        await TimeAsync(http, "/api/v1/tickets?team=1&status=open&limit=25", 50);

        var failures = 0;
        var clock = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= creates)
            {
                if (!await CreateAsync(http, n)) Interlocked.Increment(ref failures);
            }
        }));
        var createRate = creates / clock.Elapsed.TotalSeconds;

        var list = await TimeAsync(http, "/api/v1/tickets?team=1&status=open&limit=25", queries);
        var terms = new[] { "printer", "vpn", "outlook%20crashing", "laptop%20slow", "password", "docking", "teams%20error", "excel" };
        var search = await TimeAsync(http, i => $"/api/v1/tickets?q={terms[i % terms.Length]}&limit=25", queries);

        var rows = new List<(string, string)>
        {
            ("ticket creates (HTTP, token, concurrency " + concurrency + ")", $"{createRate:N0} /s ({creates:N0} sent, {failures} failed)"),
            ("list: team + open, first page of 25", $"p50 {list.P50:F1} ms, p95 {list.P95:F1} ms"),
            ("text search, first page of 25", $"p50 {search.P50:F1} ms, p95 {search.P95:F1} ms"),
        };
        if (args.Get("pid", "") is { Length: > 0 } pid && File.Exists($"/proc/{pid}/status"))
        {
            var rss = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kb = long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(("server RSS after the run", $"{kb / 1024:N0} MB"));
        }
        var width = rows.Max(r => r.Item1.Length);
        Console.WriteLine();
        foreach (var (what, value) in rows) Console.WriteLine($"| {what.PadRight(width)} | {value} |");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<bool> CreateAsync(HttpClient http, int n)
    {
        // Bodies are written by hand, not serialized: the generator shares the machine's two
        // cores with the server, and every cycle it spends is one the server does not get.
        var body = $$"""{"subject":"Bench printer {{n}} jams","body":"The printer on floor 3 jams on every page since the update this morning.","requesterEmail":"bench{{n % 500}}@bench.example","impact":"medium","urgency":"high","team":"1"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = Json } },
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private static Task<(double P50, double P95)> TimeAsync(HttpClient http, string path, int count) => TimeAsync(http, _ => path, count);

    private static async Task<(double P50, double P95)> TimeAsync(HttpClient http, Func<int, string> path, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(path(i));
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[(int)(count * 0.5)], times[Math.Min(count - 1, (int)(count * 0.95))]);
    }
}
