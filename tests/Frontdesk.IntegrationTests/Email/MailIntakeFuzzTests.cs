using Frontdesk.Common.Security;
using System.Text;
using CsCheck;
using Frontdesk.Common.Blobs;
using Frontdesk.Email.Domain;
using Frontdesk.Email.Intake;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.IntegrationTests.Email;

/// <summary>
/// Mail intake on a generated corpus: the real-world fixtures, mutated (bytes flipped, spans cut
/// or doubled, truncated, broken MIME, bad charsets and encodings, NULs, huge lines, hostile names)
/// and taken the way the poller takes mail: stored raw with its headers read, then processed.
/// Nothing escapes, nothing is lost: every mail ends as a ticket or a message on one, an ignored
/// duplicate (with why), or a quarantine entry with a reason, never an unexpected failure.
/// </summary>
public abstract class MailIntakeFuzzTests(FrontdeskApp app)
{
    private static readonly int Mails =
        int.TryParse(Environment.GetEnvironmentVariable("FRONTDESK_FUZZ_MAILS"), out var mails) && mails > 0 ? mails : 120;

    private static readonly string[] Snippets =
    [
        "\0", "\r\n\r\n", "\r\n", "--", "Content-Type: multipart/mixed; boundary=\"zz\"\r\n", "=?utf-8?B?////?= =?x-unknown?Q?=FF?=",
        "Content-Transfer-Encoding: base64\r\n\r\n!!!!====\r\n", "; charset=\"x-no-such-charset\"", "From: <>\r\n", "From: \"\u202Eevil\" <a@b\r\n",
        new string('a', 100_000), "begin 644 file.txt\r\nM9F]O\r\nend\r\n", "Content-Disposition: attachment; filename=\"..\\\\..\\\\invoice\u202Efdp.exe\"\r\n",
        string.Concat(Enumerable.Repeat("<div>", 20_000)), "Message-ID: <fuzz@frontdesk.test>\r\n", "In-Reply-To: <\0>\r\n", "Subject: =?utf-8?Q?=00=00?=\r\n",
        "Content-Type: message/rfc822\r\n\r\n", "Content-Type: application/ms-tnef\r\n\r\n\u0078\u009f\u003e\u0022",
    ];

    private sealed record Mutation(int Kind, double Where, int Length, int Snippet, byte Byte);

    private static readonly Gen<Mutation> AnyMutation =
        Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Int[1, 400], Gen.Int[0, Snippets.Length - 1], Gen.Byte, (k, w, l, s, b) => new Mutation(k, w, l, s, b));

    private static byte[] Apply(byte[] mail, IEnumerable<Mutation> mutations)
    {
        var bytes = new List<byte>(mail);
        foreach (var m in mutations)
        {
            var at = (int)(m.Where * bytes.Count);
            var length = Math.Min(m.Length, bytes.Count - at);
            switch (m.Kind)
            {
                case 0: for (var i = at; i < at + Math.Min(length, 8); i++) bytes[i] = m.Byte; break;
                case 1: bytes.RemoveRange(at, length); break;
                case 2: bytes.InsertRange(at, bytes.GetRange(at, length)); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Snippets[m.Snippet])); break;
            }
        }
        return [.. bytes];
    }

    [Fact]
    public async Task Every_mutated_mail_ends_as_a_ticket_a_message_an_ignored_duplicate_or_a_quarantine_entry_with_a_reason()
    {
        var corpus = System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Mail"), "*.eml").Select(File.ReadAllBytes).ToArray();
        corpus.Length.ShouldBeGreaterThan(10);
        var admin = await app.CreateUserAsync(Roles.Admin);
        // The mailbox's server is unreachable: a poll processes what was taken, then fails to connect (and says so).
        var mailbox = await MailDesk.AddUnreachableAsync(admin, "fuzz");
        var poller = app.Services.GetRequiredService<MailboxPoller>();
        var blobs = app.Services.GetRequiredService<IBlobStore>();
        var uid = 0u;

        var gen = Gen.Select(Gen.Int[0, corpus.Length - 1], AnyMutation.Array[1, 4], (i, m) => Apply(corpus[i], m));
        await gen.SampleAsync(async raw =>
        {
            var stored = await blobs.PutAsync(new MemoryStream(raw), InboundMail.MaxRawBytes, CancellationToken.None);
            var mail = new InboundMail
            {
                MailboxId = mailbox, UidValidity = 1, Uid = ++uid, RawSha256 = stored.Sha256, Size = stored.Size,
                Status = InboundMailStatus.Received, ReceivedAt = DateTimeOffset.UnixEpoch,
            };
            Should.NotThrow(() => MailboxPoller.ReadHeaders(blobs, mail), "reading the headers when the mail is taken");
            app.WithDb(db =>
            {
                db.InboundMails.Add(mail);
                return db.SaveChanges();
            });

            // The background poller may hold the mailbox for a moment: poll until the mail is decided.
            var after = await Eventually.GetAsync(async () =>
            {
                await poller.PollAsync(mailbox, CancellationToken.None);
                var now = app.WithDb(db => db.InboundMails.AsNoTracking().Single(m => m.Id == mail.Id));
                return now.Status == InboundMailStatus.Received ? null : now;
            }, $"mail {mail.Id} to be decided", TimeSpan.FromSeconds(20));
            var what = $"mail {after.Id} ({after.Status}: {after.Reason}) from {Encoding.UTF8.GetString(raw.AsSpan(0, Math.Min(raw.Length, 300)))}";
            after.Status.ShouldNotBe(InboundMailStatus.Received, what);
            (after.Reason ?? "").ShouldNotStartWith("Processing failed", Case.Sensitive, what);
            if (after.Status == InboundMailStatus.Processed)
            {
                after.TicketId.ShouldNotBeNull(what);
                app.WithDb(db => db.Tickets.Any(t => t.Id == after.TicketId)).ShouldBeTrue(what);
            }
            else
            {
                after.Reason.ShouldNotBeNullOrWhiteSpace(what);
            }
        }, iter: Mails, threads: 1);
    }
}

public sealed class SqliteMailIntakeFuzzTests(SqliteApp app) : MailIntakeFuzzTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMailIntakeFuzzTests(PostgresApp app) : MailIntakeFuzzTests(app), IClassFixture<PostgresApp>;
