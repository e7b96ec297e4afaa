using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using Frontdesk.IntegrationTests.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Frontdesk.IntegrationTests.Faults;

/// <summary>
/// Frontdesk killed with SIGKILL three times while it takes in a backlog of mail, and started
/// again on the same data each time: every mail becomes exactly one ticket, intake resumes within
/// seconds (the node takes back its own mailbox lease instead of waiting two minutes for it to run
/// out), and at most the one acknowledgement in flight at each kill goes out twice.
/// </summary>
public sealed class CrashDuringIntakeTests
{
    private const int Mails = 600;
    private const int Customers = 6;
    private const string Password = "crash-test-password-1";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Killing_the_server_during_intake_loses_no_mail_makes_none_twice_and_resumes_at_once(string provider)
    {
        var data = Path.Combine(Path.GetTempPath(), "frontdesk-tests", Guid.NewGuid().ToString("N"));
        var database = "fd_crash_" + Guid.NewGuid().ToString("N")[..10];
        var environment = new Dictionary<string, string>
        {
            ["Frontdesk__DataDirectory"] = data,
            ["Frontdesk__Database__Provider"] = provider,
            ["Frontdesk__Demo__Enabled"] = "false",
            ["Frontdesk__Bootstrap__AdminEmail"] = "admin@crash.test",
            ["Frontdesk__Bootstrap__AdminPassword"] = Password,
            // A lease as long as the old default: waiting for it to run out would take two minutes.
            ["Frontdesk__Email__LeaseSeconds"] = "120",
            ["Frontdesk__Email__AutoRepliesPerSenderPerHour"] = "100000",
        };
        string connectionString;
        if (provider == "Postgres")
        {
            await ExecuteAsync(new NpgsqlConnection(PostgresApp.ServerConnectionString), $"CREATE DATABASE \"{database}\"");
            connectionString = new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = database }.ConnectionString;
            environment["ConnectionStrings__Frontdesk"] = connectionString;
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(data, "frontdesk.db")}";
        }
        DbConnection Database() => provider == "Postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

        var support = await MailServer.AddAccountAsync("crash-support", "desk.test");
        var customers = new List<string>();
        for (var i = 0; i < Customers; i++) customers.Add(await MailServer.AddAccountAsync($"crash{i}"));
        await DeliverBacklogAsync(support, customers);

        await using var host = new HostProcess(environment);
        await host.StartAsync();
        using (var api = host.Client())
        {
            var token = (await api.PostJsonAsync("/api/v1/auth/tokens", new { email = "admin@crash.test", password = Password })).Str("token");
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await api.PostJsonAsync("/api/v1/mailboxes", new
            {
                address = support,
                pollSeconds = 10,
                imap = new { host = MailServer.Host, port = MailServer.ImapPort, security = "None", username = support, password = MailServer.Password },
                smtp = new { host = MailServer.Host, port = MailServer.SmtpPort, security = "None" },
            });
        }

        var resumes = new List<TimeSpan>();
        foreach (var share in new[] { 0.15, 0.4, 0.65 })
        {
            await WaitAsync(async () => await CountAsync(Database(), "SELECT COUNT(*) FROM \"InboundMails\" WHERE \"Status\" <> 0") >= Mails * share, "intake to get that far");
            await host.KillAsync();
            var before = await CountAsync(Database(), "SELECT COUNT(*) FROM \"InboundMails\" WHERE \"Status\" <> 0");
            await host.StartAsync();
            var restarted = Stopwatch.StartNew();
            await WaitAsync(async () => await CountAsync(Database(), "SELECT COUNT(*) FROM \"InboundMails\" WHERE \"Status\" <> 0") > before, "intake to resume");
            resumes.Add(restarted.Elapsed);
        }
        await WaitAsync(async () => await CountAsync(Database(), "SELECT COUNT(*) FROM \"InboundMails\" WHERE \"Status\" <> 0") == Mails, "every mail to be processed", TimeSpan.FromMinutes(3));
        await WaitAsync(async () => await CountAsync(Database(), "SELECT COUNT(*) FROM \"OutboundMails\" WHERE \"Status\" = 0") == 0
            && await CountAsync(Database(), "SELECT COUNT(*) FROM \"OutboundMails\"") >= Mails, "every acknowledgement to be sent", TimeSpan.FromMinutes(3));

        // Every mail exactly one ticket.
        (await CountAsync(Database(), "SELECT COUNT(*) FROM \"InboundMails\"")).ShouldBe(Mails);
        (await CountAsync(Database(), "SELECT COUNT(*) FROM \"InboundMails\" WHERE \"Status\" = 1 AND \"TicketId\" IS NOT NULL")).ShouldBe(Mails);
        (await CountAsync(Database(), "SELECT COUNT(DISTINCT \"TicketId\") FROM \"InboundMails\"")).ShouldBe(Mails);
        (await CountAsync(Database(), "SELECT COUNT(*) FROM \"Tickets\"")).ShouldBe(Mails);
        // Intake came back within seconds each time, not after the two-minute lease.
        resumes.ShouldAllBe(gap => gap < TimeSpan.FromSeconds(60), string.Join(", ", resumes));

        // Acknowledgements: each once, but for at most the one whose server answer the kill cut off.
        var delivered = new List<string>();
        foreach (var customer in customers) delivered.AddRange((await MailServer.InboxAsync(customer)).Select(m => m.MessageId ?? ""));
        delivered.Distinct().Count().ShouldBe(Mails);
        var twice = delivered.Count - Mails;
        twice.ShouldBeLessThanOrEqualTo(3, $"acknowledgements delivered twice over three kills: {twice}");
        Console.WriteLine($"{provider}: intake resumed after {string.Join(", ", resumes.Select(r => $"{r.TotalSeconds:0.0} s"))}; {twice} acknowledgement(s) twice over 3 kills");

        await host.DisposeAsync();
        if (provider == "Postgres")
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(new NpgsqlConnection(PostgresApp.ServerConnectionString), $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
        try { System.IO.Directory.Delete(data, recursive: true); } catch (IOException) { }
    }

    private static async Task DeliverBacklogAsync(string support, List<string> customers)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(MailServer.Host, MailServer.SmtpPort, SecureSocketOptions.None);
        for (var i = 0; i < Mails; i++)
        {
            await smtp.SendAsync(MailServer.Mail(customers[i % customers.Count], support, $"Crash test mail {i}", $"Mail number {i} of the backlog."));
        }
        await smtp.DisconnectAsync(true);
        await WaitAsync(async () => await MailServer.CountAsync(support, "INBOX") == Mails, "the backlog to arrive");
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Eventually.GetAsync(async () => await condition() ? true : (bool?)null, what, timeout ?? TimeSpan.FromSeconds(90));
}
