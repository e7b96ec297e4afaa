using Frontdesk.Database;
using Frontdesk.Common.Blobs;
using Frontdesk.Directory;
using Frontdesk.Directory.Domain;
using Frontdesk.Email.Domain;
using Frontdesk.Email.Mailboxes;
using Frontdesk.Email.Outbox;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Frontdesk.Email.Intake;

/// <summary>
/// Turns one stored mail into a ticket or a message on one, or says why not. Every way out sets
/// the mail's status, so nothing is dropped silently; a failure quarantines this mail only.
/// </summary>
internal sealed partial class MailIntake(
    FrontdeskDbContext db, IBlobStore blobs, PeopleDirectory people, TicketInbox inbox, MailComposer composer,
    MailboxCatalog catalog, IOptions<EmailOptions> options, TimeProvider clock)
{
    /// <summary>Mails up to this size are read into memory before they are parsed; larger ones are parsed from their file.</summary>
    private const long ReadIntoMemoryBytes = 4 * 1024 * 1024;

    /// <summary>Processes a mail in state Received; afterwards it is Processed, Ignored or Quarantined.</summary>
    public async Task ProcessAsync(long inboundId, CancellationToken ct)
    {
        var mail = await db.InboundMails.FirstAsync(m => m.Id == inboundId, ct);
        if (mail.Status != InboundMailStatus.Received) return;
        await DecideSafelyAsync(mail, release: false, ct);
    }

    /// <summary>Processes a mail the poller has just stored (not tracked by any context), without reading it back.</summary>
    public async Task ProcessAsync(InboundMail justTaken, CancellationToken ct)
    {
        db.InboundMails.Attach(justTaken);
        await DecideSafelyAsync(justTaken, release: false, ct);
    }

    /// <summary>An admin's second try; <paramref name="release"/> makes a ticket even of a mail over the size limit.</summary>
    public async Task<ProcessedMailDto?> ReprocessAsync(long mailboxId, long inboundId, bool release, CancellationToken ct)
    {
        var mail = await db.InboundMails.FirstOrDefaultAsync(m => m.Id == inboundId && m.MailboxId == mailboxId && m.Status == InboundMailStatus.Quarantined, ct);
        if (mail is null) return null;
        await DecideSafelyAsync(mail, release, ct);
        return new ProcessedMailDto(mail.Id, mail.Status.ToString(), mail.Reason, mail.TicketId, mail.Outcome);
    }

    private async Task DecideSafelyAsync(InboundMail mail, bool release, CancellationToken ct)
    {
        try
        {
            try
            {
                await DecideAsync(mail, release, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The ticket changed under us (an agent's edit, another node): decide again on fresh rows.
                db.ChangeTracker.Clear();
                var fresh = await db.InboundMails.FirstAsync(m => m.Id == mail.Id, ct);
                await DecideAsync(fresh, release, ct);
                (mail.Status, mail.Outcome, mail.Reason, mail.TicketId) = (fresh.Status, fresh.Outcome, fresh.Reason, fresh.TicketId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever half-made rows the failure left are thrown away; the mail itself stays, flagged.
            db.ChangeTracker.Clear();
            var again = await db.InboundMails.FirstAsync(m => m.Id == mail.Id, ct);
            Finish(again, InboundMailOutcome.Quarantined, $"Processing failed: {e.GetType().Name}: {e.Message}");
            await db.SaveChangesAsync(ct);
            (mail.Status, mail.Outcome, mail.Reason) = (again.Status, again.Outcome, again.Reason);
        }
    }

    private async Task DecideAsync(InboundMail mail, bool release, CancellationToken ct)
    {
        var (catalogued, mailbox) = await catalog.FindAsync(db, mail.MailboxId, ct)
            ?? throw new InvalidOperationException($"Mailbox {mail.MailboxId} is gone.");
        var ours = catalogued.OwnAddresses;
        if (mail.Size > mailbox.MaxMessageBytes && !release)
        {
            await SaveAsync(mail, InboundMailOutcome.Quarantined,
                $"The mail is {mail.Size:N0} bytes, over this mailbox's limit of {mailbox.MaxMessageBytes:N0}. Release it to make a ticket anyway.", ct);
            return;
        }
        // Parsed synchronously: MimeKit's async parser reads in small steps and cost a fifth of the
        // whole intake. A usual mail is read into memory first; a large one (say one an admin
        // releases) is parsed from its file, its parts left there until they are read.
        using var raw = blobs.OpenRead(mail.RawSha256) ?? throw new InvalidOperationException($"The raw mail {mail.RawSha256} is missing from the blob store.");
        using var source = mail.Size <= ReadIntoMemoryBytes ? new MemoryStream((int)mail.Size) : raw;
        if (source != raw)
        {
            raw.CopyTo(source); // a local file: see DirectoryBlobStore.PutAsync on why not async
            source.Position = 0;
        }
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(source, persistent: source == raw, ct);
        }
        catch (FormatException e)
        {
            // Not a mail at all (cut off, or headers that are not headers): kept raw for an admin to look at.
            await SaveAsync(mail, InboundMailOutcome.Quarantined, $"The mail cannot be read: {e.Message} The raw mail stays here in the quarantine.", ct);
            return;
        }
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        if (from is null || !PeopleDirectory.IsValidEmail(from.Address))
        {
            await SaveAsync(mail, InboundMailOutcome.Quarantined, "The mail names no sender address, so there is nobody to answer.", ct);
            return;
        }
        var address = Person.NormalizeEmail(from.Address);
        if (ours.Contains(address))
        {
            await SaveAsync(mail, InboundMailOutcome.OwnMail, $"Sent from our own mailbox {address}: never turned into a ticket.", ct);
            return;
        }
        var blocked = catalogued.BlockedSenders.FirstOrDefault(b => b.Matches(address));
        if (blocked is not null)
        {
            await SaveAsync(mail, InboundMailOutcome.Blocked, $"The sender {address} is blocked ({blocked.Pattern}{(blocked.Reason is null ? "" : ": " + blocked.Reason)}).", ct);
            return;
        }
        if (mail.MessageId is { Length: > 0 } messageId && await inbox.TicketOfMessageIdAsync(messageId, ct) is { } known)
        {
            mail.TicketId = known;
            await SaveAsync(mail, InboundMailOutcome.Duplicate, $"Already on ticket #{known} (same Message-ID).", ct);
            return;
        }

        var kind = MailClassifier.Classify(message);
        if (kind == MailKind.Bounce)
        {
            await BounceAsync(mail, message, ct);
            return;
        }
        var person = await people.FindOrCreateAsync(address, from.Name, ct);
        // A released mail is taken as it is: its attachments may be as large as the mail.
        var content = await MailContent.ReadAsync(message, blobs, release ? InboundMail.MaxRawBytes : mailbox.MaxMessageBytes, ct);
        var now = clock.GetUtcNow();
        var cc = message.Cc.Mailboxes.Concat(message.To.Mailboxes).Select(m => Person.NormalizeEmail(m.Address))
            .Where(a => a != address && !ours.Contains(a) && PeopleDirectory.IsValidEmail(a)).Distinct().Take(50).ToList();
        // A released mail also carries its raw original for staff (its headers name our own servers).
        var files = release ? [.. content.Files, new InboundFile("original-mail.eml", "message/rfc822", mail.RawSha256, mail.Size, Inline: false, Internal: true)] : content.Files;
        var incoming = new InboundMessage(person.Id, Channel.Email, content.Text, content.Html, mail.MessageId, files, Cc: cc);
        var ticket = await ThreadAsync(message, person, ct);
        // No savepoint around each SaveChanges: nothing here recovers from a failed save inside the
        // transaction (the whole unit is rolled back), and each savepoint costs two round trips.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            string? note = null;
            if (ticket is { StatusCategory: StatusCategory.Closed } && kind == MailKind.Personal && Reopens(ticket, now))
            {
                await inbox.ReopenAsync(ticket, person.Id, now, ct);
            }
            if (ticket is not null && ticket.StatusCategory != StatusCategory.Closed)
            {
                var added = await inbox.AppendAsync(ticket, incoming, byStaff: false, now, ct);
                Finish(mail, InboundMailOutcome.Message, null);
                mail.TicketId = ticket.Id;
                await db.SaveChangesAsync(ct);
                mail.TicketMessageId = added.Id;
            }
            else
            {
                var subject = message.Subject;
                if (ticket is not null) subject = $"Follow-up to #{ticket.Id}: {StripTag(subject, ticket.Id, options.Value.TicketTagPrefix)}";
                var (opened, first) = await inbox.OpenHereAsync(
                    new NewTicket(subject ?? "", person.Id, person.OrganizationId, Channel.Email, TicketType.Incident, Impact.Medium, Urgency.Medium, mailbox.TeamId, null, null, []),
                    incoming, person.Id, now, ct);
                Finish(mail, kind == MailKind.Personal ? InboundMailOutcome.Ticket : InboundMailOutcome.AutoReply, null);
                await db.SaveChangesAsync(ct);
                mail.TicketId = opened.Id;
                mail.TicketMessageId = first.Id;
                note = kind == MailKind.Personal
                    ? await composer.AcknowledgeAsync(mailbox, opened, person, message, ct)
                    : $"No acknowledgement: the mail is {(kind == MailKind.Bulk ? "bulk or list mail" : "an automatic reply")}.";
            }
            mail.Reason = note;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            // The context goes back to the pool: the next user gets the default.
            db.Database.AutoSavepointsEnabled = true;
        }
    }

    /// <summary>Whether this desk reopens a closed ticket on a customer's mail, rather than opening a follow-up.</summary>
    private bool Reopens(Ticket ticket, DateTimeOffset now)
    {
        var email = options.Value;
        return email.ReplyToClosed == ReplyToClosed.Reopen && ticket.ClosedAt is { } closed && now - closed <= TimeSpan.FromDays(email.ReopenWithinDays);
    }

    /// <summary>The ticket a reply belongs to: by the tag in the subject, then by the mail headers; only for a sender who is on it.</summary>
    private async Task<Ticket?> ThreadAsync(MimeMessage message, Person sender, CancellationToken ct)
    {
        if (MailClassifier.TicketNumber(message.Subject, options.Value.TicketTagPrefix) is { } number && await inbox.FindAsync(number, ct) is { } tagged
            && await IsParticipantAsync(tagged, sender, ct))
        {
            return tagged;
        }
        var referenced = MailClassifier.UsableIds(message.References.Reverse().Prepend(message.InReplyTo));
        if (referenced.Count == 0) return null;
        // Our mails' ids: replies are on ticket messages, acknowledgements only in the outbox.
        var byHeaders = await inbox.TicketOfMessageIdsAsync(referenced, ct)
            ?? await db.OutboundMails.Where(o => referenced.Contains(o.MessageId)).OrderByDescending(o => o.Id).Select(o => o.TicketId).FirstOrDefaultAsync(ct);
        if (byHeaders is null) return null;
        var ticket = await inbox.FindAsync(byHeaders.Value, ct);
        // A forged In-Reply-To must not put a stranger's words on somebody else's ticket.
        return ticket is not null && await IsParticipantAsync(ticket, sender, ct) ? ticket : null;
    }

    /// <summary>The requester, someone who wrote on the ticket, or someone copied on its mails.</summary>
    private async Task<bool> IsParticipantAsync(Ticket ticket, Person person, CancellationToken ct) =>
        ticket.RequesterId == person.Id
        || await db.Messages.AnyAsync(m => m.TicketId == ticket.Id && m.AuthorId == person.Id, ct)
        || await inbox.WasCopiedAsync(ticket.Id, person.Email, ct);

    private async Task BounceAsync(InboundMail mail, MimeMessage message, CancellationToken ct)
    {
        var report = DeliveryReport.Read(message);
        var ticketId = await inbox.TicketOfMessageIdsAsync(report.OriginalMessageIds, ct)
            ?? await db.OutboundMails.Where(o => report.OriginalMessageIds.Contains(o.MessageId)).Select(o => o.TicketId).FirstOrDefaultAsync(ct);
        foreach (var recipient in report.FailedRecipients) await people.MarkEmailFailingAsync(recipient, report.Summary, ct);
        var ticket = ticketId is null ? null : await inbox.FindAsync(ticketId.Value, ct);
        if (ticket is null)
        {
            await SaveAsync(mail, InboundMailOutcome.Quarantined, $"A delivery report for a mail that is on no ticket: {report.Summary}", ct);
            return;
        }
        // A note for agents, not a customer reply: it must not reopen the ticket or reach the customer.
        var note = new InboundMessage(null, Channel.Email, $"Mail could not be delivered. {report.Summary}", null, mail.MessageId, [], IsInternal: true);
        var added = await inbox.AppendAsync(ticket, note, byStaff: true, clock.GetUtcNow(), ct);
        mail.TicketId = ticket.Id;
        Finish(mail, InboundMailOutcome.Bounce, $"Delivery report: {report.Summary}");
        await db.SaveChangesAsync(ct);
        mail.TicketMessageId = added.Id;
        await db.SaveChangesAsync(ct);
    }

    private async Task SaveAsync(InboundMail mail, InboundMailOutcome outcome, string reason, CancellationToken ct)
    {
        Finish(mail, outcome, reason);
        await db.SaveChangesAsync(ct);
    }

    private void Finish(InboundMail mail, InboundMailOutcome outcome, string? reason) => mail.Decide(outcome, reason, clock.GetUtcNow());

    /// <summary>The subject without the ticket's tag and the "Re:" / "AW:" / "Fwd:" prefixes mail clients add.</summary>
    private static string StripTag(string? subject, long number, string prefix) =>
        ReplyPrefixes().Replace((subject ?? "").Replace(MailClassifier.Tag(number, prefix), "", StringComparison.Ordinal)
            .Replace(MailClassifier.Tag(number), "", StringComparison.Ordinal).Trim(), "").Trim();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\s*(re|aw|sv|vs|antw|fw|fwd|wg|tr)(\[\d+\])?\s*:\s*)+",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial System.Text.RegularExpressions.Regex ReplyPrefixes();
}
