using Frontdesk.Database;
using Frontdesk.Common;
using Frontdesk.Common.Data;
using Frontdesk.Common.Startup;
using Frontdesk.Email.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Frontdesk.IntegrationTests.Data;

/// <summary>The MailOutcomes migration gives mail taken before it the outcome the intake would give it today.</summary>
public sealed class MailOutcomeBackfillTests
{
    [Fact]
    public void Mail_taken_before_outcomes_were_kept_gets_its_outcome_from_status_reason_and_ticket()
    {
        var directory = Path.Combine(Path.GetTempPath(), "frontdesk-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var options = new DbContextOptionsBuilder<FrontdeskDbContext>();
        DatabaseModule.Configure(options, new StartupSettings(DatabaseProvider.Sqlite, directory, null, new FrontdeskOptions()));
        using (var db = new FrontdeskDbContext(options.Options))
        {
            db.Database.OpenConnection(); // one connection: the pragma below holds for it
            var migrator = db.GetService<IMigrator>();
            migrator.Migrate("20261202134131_DemoTickets");
            db.Database.ExecuteSqlRaw("PRAGMA foreign_keys = OFF;");
            db.Database.ExecuteSqlRaw("""
                INSERT INTO "Messages" ("Id", "TicketId", "IsInternal", "Channel", "BodyText", "CreatedAt") VALUES (1, 10, 0, 0, 'first', 0), (2, 10, 0, 0, 'reply', 0);
                INSERT INTO "InboundMails" ("Id", "MailboxId", "UidValidity", "Uid", "RawSha256", "Size", "Status", "Reason", "TicketId", "TicketMessageId", "ReceivedAt") VALUES
                    (1, 1, 1, 1, 'x', 1, 0, NULL, NULL, NULL, 0),
                    (2, 1, 1, 2, 'x', 1, 3, 'The mail names no sender address', NULL, NULL, 0),
                    (3, 1, 1, 3, 'x', 1, 2, 'Sent from our own mailbox a@desk.test: never turned into a ticket.', NULL, NULL, 0),
                    (4, 1, 1, 4, 'x', 1, 2, 'The sender spam@spam.test is blocked (@spam.test).', NULL, NULL, 0),
                    (5, 1, 1, 5, 'x', 1, 2, 'Already on ticket #10 (same Message-ID).', 10, NULL, 0),
                    (6, 1, 1, 6, 'x', 1, 1, 'Delivery report: a@b: 5.1.1', 10, 2, 0),
                    (7, 1, 1, 7, 'x', 1, 1, 'No acknowledgement: the mail is an automatic reply.', 10, 1, 0),
                    (8, 1, 1, 8, 'x', 1, 1, 'No acknowledgement: a@b had 3 automatic mails in the last hour.', 10, 1, 0),
                    (9, 1, 1, 9, 'x', 1, 1, NULL, 10, 2, 0),
                    (10, 1, 1, 10, 'x', 1, 1, NULL, 10, 1, 0);
                """);
            migrator.Migrate();
            var outcomes = db.InboundMails.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Outcome).ToList();
            outcomes.ShouldBe([
                InboundMailOutcome.Received, InboundMailOutcome.Quarantined, InboundMailOutcome.OwnMail, InboundMailOutcome.Blocked,
                InboundMailOutcome.Duplicate, InboundMailOutcome.Bounce, InboundMailOutcome.AutoReply, InboundMailOutcome.Ticket,
                InboundMailOutcome.Message, InboundMailOutcome.Ticket,
            ]);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
