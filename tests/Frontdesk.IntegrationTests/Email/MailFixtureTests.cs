using System.Text.Json;
using Frontdesk.Common.Blobs;
using Frontdesk.Common.Text;
using Frontdesk.Email.Intake;
using Frontdesk.Tickets.Attachments;
using MimeKit;

namespace Frontdesk.IntegrationTests.Email;

/// <summary>
/// The parser on real-world-shaped mails (Outlook, Gmail, Apple Mail, phones, non-Latin
/// charsets, TNEF, forwards, bounces, hostile HTML, broken MIME): Fixtures/Mail, with what each
/// must yield in manifest.json.
/// </summary>
public sealed class MailFixtureTests : IDisposable
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Mail");
    private readonly string _blobs = Path.Combine(Path.GetTempPath(), "frontdesk-fixture-blobs", Guid.NewGuid().ToString("N"));

    public sealed record Expected(
        string File, string? FromAddress, string? FromName, string? Subject, string BodyContains, string[] Attachments, int InlineImages,
        bool AutoReply, bool Bulk, bool Bounce, string? InReplyTo, string[] Cc);

    public static TheoryData<string> Files() => new(Manifest().Select(e => e.File));

    private static List<Expected> Manifest() =>
        JsonSerializer.Deserialize<List<Expected>>(File.ReadAllText(Path.Combine(Folder, "manifest.json")), JsonSerializerOptions.Web)!;

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_fixture_is_read_as_its_sender_wrote_it(string file)
    {
        var expected = Manifest().Single(e => e.File == file);
        var message = await MimeMessage.LoadAsync(Path.Combine(Folder, file));

        var from = message.From.Mailboxes.FirstOrDefault();
        from?.Address.ToLowerInvariant().ShouldBe(expected.FromAddress);
        if (expected.FromAddress is null) from.ShouldBeNull();
        if (expected.FromName is not null) from!.Name.ShouldBe(expected.FromName);
        message.Subject.ShouldBe(expected.Subject);
        message.InReplyTo.ShouldBe(expected.InReplyTo);
        message.Cc.Mailboxes.Select(m => m.Address.ToLowerInvariant()).ShouldBe(expected.Cc, ignoreOrder: true);

        var kind = MailClassifier.Classify(message);
        kind.ShouldBe(expected.Bounce ? MailKind.Bounce : expected.AutoReply ? MailKind.AutoReply : expected.Bulk ? MailKind.Bulk : MailKind.Personal);
        if (kind == MailKind.Bounce)
        {
            var report = DeliveryReport.Read(message);
            report.FailedRecipients.ShouldNotBeEmpty();
            report.OriginalMessageIds.ShouldNotBeEmpty();
            return; // bounces become notes, not tickets with files
        }

        var content = await MailContent.ReadAsync(message, new DirectoryBlobStore(_blobs), 25 * 1024 * 1024, CancellationToken.None);
        content.Text.ShouldContain(expected.BodyContains);
        content.Files.Where(f => !f.Inline).Select(f => f.FileName).ShouldBe(expected.Attachments, ignoreOrder: true);
        content.Files.Count(f => f.Inline).ShouldBe(expected.InlineImages);
        foreach (var f in content.Files)
        {
            var stored = AttachmentHandlers.SafeFileName(f.FileName);
            stored.ShouldNotContain("/");
            stored.ShouldNotStartWith(".");
            stored.Length.ShouldBeLessThanOrEqualTo(200);
        }
        if (content.Html is not null)
        {
            var clean = new HtmlCleaner().Clean(content.Html);
            foreach (var bad in new[] { "<script", "onerror", "onload", "javascript:", "@import", "tracker.example.net" })
            {
                clean.ShouldNotContain(bad, Case.Insensitive);
            }
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(9)]
    public async Task A_winmail_dat_that_cannot_be_read_is_kept_as_it_came(int bytes)
    {
        // No data at all (found by the intake fuzz: it stopped the mail with "Processing failed:
        // Cannot parse null TNEF data") is kept as it came; empty, or cut off after the TNEF
        // signature, holds no file (as a rich-text mail without attachments does).
        var tnef = new MimeKit.Tnef.TnefPart { FileName = "winmail.dat" };
        if (bytes >= 0) tnef.Content = new MimeContent(new MemoryStream(new byte[] { 0x78, 0x9f, 0x3e, 0x22, 0, 0, 1, 0, 0 }[..bytes]));
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Derek", "derek@northwind.example"));
        message.Subject = "Quote attached";
        message.Body = new Multipart("mixed") { new TextPart("plain") { Text = "See the quote." }, tnef };

        var content = await MailContent.ReadAsync(message, new DirectoryBlobStore(_blobs), 25 * 1024 * 1024, CancellationToken.None);
        content.Text.ShouldBe("See the quote.");
        content.Files.Select(f => (f.FileName, f.Size)).ShouldBe(bytes < 0 ? [("winmail.dat", 0L)] : []);
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(_blobs, recursive: true); } catch (IOException) { }
    }
}
