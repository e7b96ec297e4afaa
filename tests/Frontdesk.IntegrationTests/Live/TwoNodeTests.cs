using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Frontdesk.IntegrationTests.Faults;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;

namespace Frontdesk.IntegrationTests.Live;

/// <summary>
/// Two Frontdesk processes on one PostgreSQL database with Redis behave as one desk (issue 12): a
/// cookie from node A is good on node B, and a page open on node B follows a change made through
/// node A's API and a mail node A took, without a reload.
/// </summary>
public sealed class TwoNodeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Password = "two-nodes-password-42";
    private const string Admin = "admin@nodes.test";
    private readonly string _database = "fd_nodes_" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _data = Path.Combine(Path.GetTempPath(), "frontdesk-tests", Guid.NewGuid().ToString("N"));
    private HostProcess _a = null!;
    private HostProcess _b = null!;

    private static string Redis => Environment.GetEnvironmentVariable("FRONTDESK_TEST_REDIS") is { Length: > 0 } r
        ? r
        : throw new InvalidOperationException("FRONTDESK_TEST_REDIS is not set: run the tests with scripts/test, which starts Redis.");

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresApp.ServerConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <param name="bTakesMail">Whether node B polls mailboxes and sends the outbox too (node A always does).</param>
    private async Task StartNodesAsync(bool bTakesMail)
    {
        Dictionary<string, string> Node(bool mail) => new()
        {
            // One data directory for both: attachments are files, and every node must read them.
            ["Frontdesk__DataDirectory"] = _data,
            // Run from the build output, not a publish folder: static assets (the page script) come
            // through the build's manifest, which ASP.NET Core reads in Development.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Frontdesk__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Frontdesk"] = new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = _database }.ConnectionString,
            ["Frontdesk__Redis__Configuration"] = Redis,
            ["Frontdesk__Demo__Enabled"] = "false",
            ["Frontdesk__Bootstrap__AdminEmail"] = Admin,
            ["Frontdesk__Bootstrap__AdminPassword"] = Password,
            // Node B takes no mail, so the mail in the test is surely node A's.
            ["Frontdesk__Email__Enabled"] = mail ? "true" : "false",
            ["Frontdesk__Email__AutoRepliesPerSenderPerHour"] = "1000",
        };
        _a = new HostProcess(Node(mail: true));
        _b = new HostProcess(Node(mail: bTakesMail));
        await _a.StartAsync(); // migrates the database first
        await _b.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_a is not null)
        {
            foreach (var line in _a.Output.Concat(_b.Output).Where(l => l.Contains("fail", StringComparison.OrdinalIgnoreCase)).Take(20)) output.WriteLine(line);
            await _a.DisposeAsync();
            await _b.DisposeAsync();
        }
        await using var connection = new NpgsqlConnection(PostgresApp.ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        try { System.IO.Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_page_on_node_B_follows_changes_made_through_node_A()
    {
        await StartNodesAsync(bTakesMail: false);
        using var adminOnA = await ApiAsync(_a, Admin);
        var support = await MailServer.AddAccountAsync("nodes-support", "desk.test");
        var customer = await MailServer.AddAccountAsync("nodes-customer");
        await AddMailboxAsync(adminOnA, support);
        var n = (await adminOnA.PostJsonAsync("/api/v1/tickets", new { subject = "Badge reader at gate 3 dead", body = "Nobody gets in.", requesterEmail = customer })).Number();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await NodeBrowser.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // Signed in on node A; the cookie (keys shared through the database) is good on node B.
        await NodeBrowser.SignInAsync(page, $"{_a.Url}/signin", Admin, Password);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Tickets");
        await page.GotoAsync($"{_b.Url}/tickets/{n}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Badge reader at gate 3 dead");
        await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "on", new() { Timeout = 20_000 });
        await page.FillAsync("#reply-body", "Half-typed answer");

        // A change through node A's API reaches the page on node B; what is typed stays.
        var clock = Stopwatch.StartNew();
        (await adminOnA.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "Facilities are on their way." })).ShouldNotBeNull();
        await Assertions.Expect(page.Locator("article.message")).ToHaveCountAsync(2, new() { Timeout = 5_000 });
        var reply = clock.Elapsed;
        clock.Restart();
        (await adminOnA.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = "pending" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Waiting for customer", new() { Timeout = 5_000 });
        var status = clock.Elapsed;
        (await page.InputValueAsync("#reply-body")).ShouldBe("Half-typed answer");

        // A mail node A takes (node B takes none) reaches the page on node B.
        clock.Restart();
        await MailServer.SendAsync(MailServer.Mail(customer, support, $"Re: [#{n}] Badge reader at gate 3 dead", "Gate 4 too now."));
        await Assertions.Expect(page.Locator("article.message").Last).ToContainTextAsync("Gate 4 too now.", new() { Timeout = 30_000 });
        var mail = clock.Elapsed;
        output.WriteLine($"node A → page on node B: reply {reply.TotalMilliseconds:F0} ms, status {status.TotalMilliseconds:F0} ms, mail (polled every 10 s) {mail.TotalMilliseconds:F0} ms");
        // The expectations above fail after 5 s (no reload happens meanwhile); the figures printed
        // here are what docs/benchmarks.md records: 0.35-0.8 s alone on the machine, up to 1.5 s while
        // other tests share its 2 cores.
    }

    [Fact]
    public async Task With_both_nodes_taking_mail_every_mail_is_one_ticket_and_every_answer_is_sent_once()
    {
        await StartNodesAsync(bTakesMail: true);
        using var adminOnA = await ApiAsync(_a, Admin);
        using var adminOnB = await ApiAsync(_b, Admin);
        var support = await MailServer.AddAccountAsync("both-support", "desk.test");
        var customer = await MailServer.AddAccountAsync("both-customer");
        await AddMailboxAsync(adminOnA, support);
        const int Mails = 12;
        for (var i = 0; i < Mails; i++) await MailServer.SendAsync(MailServer.Mail(customer, support, $"Laptop {i} will not boot", $"Laptop number {i}."));

        // Each mail became one ticket, whichever node polled: the mailbox is one node's at a time.
        var numbers = await Eventually.GetAsync(async () =>
        {
            // 400 until a node has met the sender as a person.
            var response = await adminOnB.GetAsync($"/api/v1/tickets?requester={Uri.EscapeDataString(customer)}&limit=100");
            if (response.StatusCode == HttpStatusCode.BadRequest) return null;
            var list = (await response.ReadJsonAsync()).Numbers().ToList();
            return list.Count >= Mails ? list : null;
        }, "a ticket for every mail", TimeSpan.FromSeconds(60));
        numbers.Count.ShouldBe(Mails);
        // Answered through both nodes; each answer and each acknowledgement reaches the customer once.
        for (var i = 0; i < numbers.Count; i++)
        {
            var api = i % 2 == 0 ? adminOnA : adminOnB;
            (await api.PostJsonAsync($"/api/v1/tickets/{numbers[i]}/messages", new { body = $"On it ({i})." })).ShouldNotBeNull();
        }
        await Eventually.GetAsync(async () => await MailServer.CountAsync(customer, "INBOX") >= 2 * Mails,
            "an acknowledgement and an answer per ticket", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(5)); // a second send would be here by now
        var inbox = await MailServer.InboxAsync(customer);
        inbox.Count.ShouldBe(2 * Mails);
        inbox.Select(m => m.MessageId).Distinct().Count().ShouldBe(2 * Mails);
    }

    private static async Task AddMailboxAsync(HttpClient admin, string support) =>
        (await admin.PostAsJsonAsync("/api/v1/mailboxes", new
        {
            address = support,
            imap = new { host = MailServer.Host, port = MailServer.ImapPort, security = "None", username = support, password = MailServer.Password, folder = "INBOX" },
            smtp = new { host = MailServer.Host, port = MailServer.SmtpPort, security = "None" },
            pollSeconds = 10,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

    private static async Task<HttpClient> ApiAsync(HostProcess node, string email)
    {
        var client = node.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Password, name = "two nodes" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var token = (await response.ReadJsonAsync())["token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
