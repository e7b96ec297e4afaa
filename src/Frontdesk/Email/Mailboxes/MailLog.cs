using Frontdesk.Database;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Email.Domain;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Email.Mailboxes;

/// <summary>Filters of a mailbox's mail log (<c>GET /api/v1/mailboxes/{id}/mails</c>).</summary>
/// <param name="Outcome">received, ticket, message, auto-reply, bounce, duplicate, own-mail, blocked or quarantined.</param>
/// <param name="Q">Words found in the sender's address, the subject or the Message-ID (any case).</param>
/// <param name="Since">Received at or after this time (ISO 8601 with an offset, e.g. 2026-12-01T00:00:00Z).</param>
/// <param name="Until">Received before this time (exclusive).</param>
/// <param name="Limit">Page size, 1 to 100 (default 25).</param>
/// <param name="Cursor">The <c>next</c> value of the previous page.</param>
internal sealed record MailLogQuery(string? Outcome = null, string? Q = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null, int? Limit = null, string? Cursor = null);

/// <summary>One mail the mailbox took, and what became of it.</summary>
/// <param name="Reason">Why it was ignored or quarantined, or what was noted (no acknowledgement, a delivery report).</param>
/// <param name="TicketNumber">The ticket it opened, was added to, or duplicates; null when none.</param>
internal sealed record MailLogEntryDto(
    long Id, DateTimeOffset ReceivedAt, string? From, string? Subject, string? MessageId, InboundMailOutcome Outcome, string? Reason, long? TicketNumber);

/// <summary>
/// Every mail a mailbox took, newest first, with its outcome: the answer to "I mailed IT and
/// nothing happened" in a minute. Keyset pages over the mailbox's mails by id.
/// </summary>
internal sealed class MailLog(FrontdeskDbContext db)
{
    public async Task<Page<MailLogEntryDto>> ListAsync(long mailboxId, MailLogQuery query, CancellationToken ct)
    {
        var errors = new Errors();
        var limit = Paging.Limit(query.Limit, errors);
        var outcome = errors.Enum<InboundMailOutcome>("outcome", string.IsNullOrWhiteSpace(query.Outcome) ? null : query.Outcome);
        if (query.Q?.Length > Limits.Query) errors.Add("q", $"q is limited to {Limits.Query} characters.");
        if (query.Q?.Contains('\0', StringComparison.Ordinal) == true) errors.Add("q", "q must not contain NUL characters.");
        if (query.Since is { } since && query.Until is { } until && until <= since) errors.Add("until", "until must be after since.");
        Cursor after = default;
        if (query.Cursor is not null && !Cursor.TryDecode(query.Cursor, out after)) errors.Add("cursor", "cursor is not one this server gave out; start again without it.");
        if (errors.Any) throw new ValidationFailedException(errors);
        if (!await db.Mailboxes.AnyAsync(m => m.Id == mailboxId, ct)) throw new NotFoundException($"Mailbox {mailboxId}");

        var mails = db.InboundMails.AsNoTracking().Where(m => m.MailboxId == mailboxId);
        if (outcome is { } o) mails = mails.Where(m => m.Outcome == o);
        if (query.Cursor is not null) mails = mails.Where(m => m.Id < after.Id);
        if (query.Since is { } from) mails = mails.Where(m => m.ReceivedAt >= from);
        if (query.Until is { } to) mails = mails.Where(m => m.ReceivedAt < to);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLowerInvariant();
            // Runs in the database (lower() and LIKE): no .NET culture is involved. SQLite folds only
            // ASCII letters, so "MÜLLER" and "müller" differ there; PostgreSQL folds them all.
#pragma warning disable CA1304, CA1311, CA1862
            mails = mails.Where(m => (m.FromAddress != null && m.FromAddress.ToLower().Contains(text))
                || (m.Subject != null && m.Subject.ToLower().Contains(text))
                || (m.MessageId != null && m.MessageId.ToLower().Contains(text)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var rows = await mails.OrderByDescending(m => m.Id).Take(limit + 1)
            .Select(m => new MailLogEntryDto(m.Id, m.ReceivedAt, m.FromAddress, m.Subject, m.MessageId, m.Outcome, m.Reason, m.TicketId))
            .ToListAsync(ct);
        // Ordered by id alone: the cursor's key is the id too.
        var next = rows.Count > limit ? new Cursor(rows[limit - 1].Id, rows[limit - 1].Id).Encode() : null;
        return new Page<MailLogEntryDto>(rows.Take(limit).ToList(), next);
    }
}
