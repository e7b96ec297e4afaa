using Frontdesk.Database;
using System.Data.Common;
using System.Diagnostics;
using Frontdesk.Common;
using Frontdesk.Common.Data;
using Frontdesk.Common.Startup;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Frontdesk.Bench;

/// <summary>
/// Loads many realistic tickets fast, straight into the tables (bulk path): one transaction of
/// prepared inserts on SQLite, binary COPY on PostgreSQL. The schema comes from the real migrations.
/// </summary>
internal static class Seeder
{
    private static readonly string[] Things = ["printer", "laptop", "monitor", "VPN", "Outlook", "Teams", "docking station", "headset", "Wi-Fi", "password", "SAP", "Excel", "keyboard", "phone", "shared drive", "badge reader", "projector", "CRM", "payroll", "scanner"];
    private static readonly string[] Problems = ["does not start", "keeps crashing", "is very slow", "shows an error", "cannot connect", "stopped working", "asks for a password", "needs replacing", "not detected", "freezes after the update"];
    private static readonly string[] Words = ["since", "morning", "update", "restart", "tried", "again", "colleague", "meeting", "urgent", "customer", "floor", "office", "home", "error", "message", "screen", "blue", "black", "cable", "battery", "network", "account", "locked", "license", "install", "access", "folder", "report", "invoice", "deadline", "manager", "please", "help", "thanks", "today", "yesterday", "week", "client", "server", "email"];

    public static async Task<int> RunAsync(Args args)
    {
        var provider = Enum.Parse<DatabaseProvider>(args.Get("provider", "Sqlite"), ignoreCase: true);
        var tickets = args.Int("tickets", 100_000);
        var dataDir = Path.GetFullPath(args.Get("data-dir", "data"));
        var connection = args.Get("connection", "");
        var settings = new StartupSettings(provider, dataDir, connection, new FrontdeskOptions());
        System.IO.Directory.CreateDirectory(dataDir);
        var options = new DbContextOptionsBuilder<FrontdeskDbContext>();
        DatabaseModule.Configure(options, settings);
        await using (var db = new FrontdeskDbContext(options.Options)) await db.Database.MigrateAsync();

        var clock = Stopwatch.StartNew();
        await using DbConnection conn = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(connection)
            : new SqliteConnection($"Data Source={Path.Combine(dataDir, "frontdesk.db")}");
        await conn.OpenAsync();
        if (conn is SqliteConnection) await Exec(conn, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        var now = TimeProvider.System.GetUtcNow();
        var start = await ScalarAsync(conn, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Tickets\"");
        var peopleStart = await ScalarAsync(conn, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"People\"");
        const int people = 5000;
        const long org = 1, firstTeam = 1; // the ids the seeder gives its organization and first team

        await using var tx = await conn.BeginTransactionAsync();
        if (await ScalarAsync(conn, "SELECT COUNT(*) FROM \"Teams\"") == 0)
        {
            await Exec(conn, "INSERT INTO \"Organizations\" (\"Id\", \"Name\", \"Domain\", \"MembersSeeAllTickets\") VALUES (1, 'Bench Corp', 'bench.example', false)");
            await Exec(conn, "INSERT INTO \"Teams\" (\"Id\", \"Name\", \"Tier\") VALUES (1, 'Service Desk', 1), (2, 'Desktop Support', 2), (3, 'Infrastructure', 3)");
        }
        await using (var w = Writer.For(conn, tx, "People", ["Id", "Name", "Email", "OrganizationId", "TimeZone", "IsVip", "CreatedAt"]))
        {
            for (var p = 1; p <= people; p++)
            {
                var id = peopleStart + p;
                await w.RowAsync(id, $"Employee {id}", $"employee{id}@bench.example", org, p % 3 == 0 ? "America/Chicago" : "Europe/Berlin", p % 50 == 0, now.AddDays(-800));
            }
        }
        // One pass per table: PostgreSQL runs one COPY at a time per connection, and foreign keys
        // need the tickets first. Each ticket's values come from its own seeded generator.
        await using (var t = Writer.For(conn, tx, "Tickets", ["Id", "Subject", "RequesterId", "OrganizationId", "Channel", "Type", "StatusId", "StatusCategory", "Impact", "Urgency", "Priority", "TeamId", "CreatedAt", "UpdatedAt", "Version"]))
        {
            for (var i = 1; i <= tickets; i++)
            {
                var r = Make(start + i, i, tickets, peopleStart, people, now);
                await t.RowAsync(r.Id, r.Subject, r.Requester, org, r.Channel, r.Type, r.StatusId, r.Category, r.Impact, r.Urgency, r.Priority,
                    firstTeam + r.Team, r.Created, r.Updated, 1);
            }
        }
        await using (var m = Writer.For(conn, tx, "Messages", ["Id", "TicketId", "AuthorId", "IsInternal", "Channel", "BodyText", "CreatedAt"]))
        {
            for (var i = 1; i <= tickets; i++)
            {
                var r = Make(start + i, i, tickets, peopleStart, people, now);
                await m.RowAsync(r.Id, r.Id, r.Requester, false, 0, r.Body, r.Created);
            }
        }
        await using (var d = Writer.For(conn, tx, "SearchDocuments", ["Id", "TicketId", "MessageId", "IsInternal", "Text"]))
        {
            for (var i = 1; i <= tickets; i++)
            {
                var r = Make(start + i, i, tickets, peopleStart, people, now);
                await d.RowAsync(2 * r.Id - 1, r.Id, null, false, r.Subject);
                await d.RowAsync(2 * r.Id, r.Id, r.Id, false, r.Body);
            }
        }
        await tx.CommitAsync();
        if (conn is NpgsqlConnection)
        {
            foreach (var table in new[] { "People", "Tickets", "Messages", "SearchDocuments", "Teams", "Organizations" })
            {
                await Exec(conn, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))");
            }
            await Exec(conn, "ANALYZE");
        }
        else
        {
            await Exec(conn, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        }
        Console.WriteLine($"seeded {tickets:N0} tickets, {tickets:N0} messages, {2 * tickets:N0} search documents, {people:N0} people into {provider} in {clock.Elapsed.TotalSeconds:F1} s ({tickets / clock.Elapsed.TotalSeconds:N0} tickets/s)");
        return 0;
    }

    private static string Pick(Random rng, string[] values) => values[rng.Next(values.Length)];

    private sealed record Row(long Id, string Subject, string Body, long Requester, int Channel, int Type, int StatusId, int Category,
        int Impact, int Urgency, int Priority, int Team, DateTimeOffset Created, DateTimeOffset Updated);

    /// <summary>The <paramref name="nth"/> of <paramref name="count"/> tickets over two years: like in a real
    /// desk, a later ticket has a later creation time and a larger id; it was last touched up to ten days later.</summary>
    private static Row Make(long id, int nth, int count, long peopleStart, int people, DateTimeOffset now)
    {
        var rng = new Random(unchecked((int)id * 7919));
        var subject = $"{Pick(rng, Things)} {Pick(rng, Problems)}";
        subject = $"{char.ToUpperInvariant(subject[0])}{subject[1..]}";
        var body = string.Join(' ', Enumerable.Range(0, 25).Select(_ => rng.Next(4) == 0 ? Pick(rng, Things) : Pick(rng, Words)));
        const long twoYears = 60 * 24 * 730;
        var created = now.AddMinutes(-(twoYears * (count - nth) / count) - rng.Next(0, 2));
        var updated = created.AddMinutes(rng.Next(0, 60 * 24 * 10));
        if (updated > now) updated = now;
        var (statusId, category) = rng.Next(100) switch
        {
            < 10 => (1, 0), < 35 => (2, 1), < 45 => (3, 2), < 50 => (4, 2), < 70 => (5, 3), _ => (6, 4),
        };
        var impact = rng.Next(3);
        var urgency = rng.Next(3);
        var priority = Frontdesk.Tickets.Domain.PriorityMatrix.Default.PriorityFor((Frontdesk.Tickets.Domain.Impact)impact, (Frontdesk.Tickets.Domain.Urgency)urgency);
        return new Row(id, subject, body, peopleStart + 1 + rng.Next(people), rng.Next(7), rng.Next(4), statusId, category,
            impact, urgency, (int)priority, rng.Next(3), created, updated);
    }

    private static async Task Exec(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
