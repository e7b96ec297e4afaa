using Frontdesk.Database;
using Frontdesk.Common.Text;
using Frontdesk.Tickets.Attachments;
using Frontdesk.Tickets.CreateTicket;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.Search;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.Inbox;

/// <summary>A message as a channel hands it over (the API, mail; chat and phone later).</summary>
/// <param name="AuthorId">The person who wrote it; null for the system (a delivery report).</param>
/// <param name="ExternalMessageId">The channel's own id (a mail's Message-ID), so the same message is never taken twice.</param>
internal sealed record InboundMessage(
    long? AuthorId,
    Channel Channel,
    string BodyText,
    string? BodyHtml,
    string? ExternalMessageId,
    IReadOnlyList<InboundFile> Files,
    bool IsInternal = false,
    IReadOnlyList<string>? Cc = null);

/// <summary>A file already in the blob store.</summary>
/// <param name="ContentId">For an inline image: the Content-ID the HTML body's <c>cid:</c> links name.</param>
/// <param name="Internal">Staff only, even on a message the customer sees (the raw original of a released mail).</param>
internal sealed record InboundFile(string FileName, string ContentType, string Sha256, long Size, bool Inline, string? ContentId = null, bool Internal = false);

/// <summary>
/// The Tickets module's surface for channels: open a ticket or add a message to one, inside the
/// caller's unit of work. Opening and adding save nothing; the channel saves once, with its own
/// rows, so a mail and the ticket it made are stored together or not at all. (A reply's mail
/// delivery, <see cref="SetDeliveryAsync"/>, is stored at once: it is the outbox's own step.)
/// </summary>
internal sealed class TicketInbox(FrontdeskDbContext db, TicketCatalog catalog, HtmlCleaner html)
{
    /// <summary>The text stored for a message: capped so one enormous mail cannot fill a page.</summary>
    public const int MaxText = TicketFields.MaxBody;

    /// <summary>
    /// The one way a ticket is born, whatever the channel (API, mail, demo data; later portal, phone,
    /// chat): the ticket, its first message and files, and their search rows. Nothing is stored
    /// here; the caller stores the rows in its unit of work (mail) or through group commit (API).
    /// What hooks into a new ticket (routing, SLAs) hears <see cref="TicketOpened"/> when it is saved.
    /// </summary>
    /// <param name="actorId">Who opened it: the requester, or the agent who logged it for them.</param>
    public async Task<NewTicketRows> OpenAsync(NewTicket n, InboundMessage first, long? actorId, DateTimeOffset now, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(db, ct);
        var ticket = Ticket.Open(n with { Subject = CleanSubject(n.Subject) }, reference.DefaultStatus(StatusCategory.New), reference.Matrix, actorId, now);
        var rows = new List<object> { SearchIndex.ForSubject(ticket) };
        Add(ticket, first, now, rows);
        return new NewTicketRows(ticket, rows);
    }

    /// <summary>Opens a ticket (<see cref="OpenAsync(NewTicket, InboundMessage, long?, DateTimeOffset, CancellationToken)"/>) in the caller's unit of work.</summary>
    public async Task<(Ticket Ticket, TicketMessage Message)> OpenHereAsync(NewTicket n, InboundMessage first, long? actorId, DateTimeOffset now, CancellationToken ct)
    {
        var opened = await OpenAsync(n, first, actorId, now, ct);
        db.Add(opened.Ticket);
        foreach (var row in opened.Rows) db.Add(row);
        return (opened.Ticket, opened.Rows.OfType<TicketMessage>().First());
    }

    /// <summary>Adds a message; a customer's message wakes a pending or resolved ticket. Throws <see cref="TicketRuleException"/> on a closed one.</summary>
    public async Task<TicketMessage> AppendAsync(Ticket ticket, InboundMessage message, bool byStaff, DateTimeOffset now, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(db, ct);
        ticket.MessageAdded(byStaff, message.IsInternal, reference.DefaultStatus(StatusCategory.Open), reference.Status(ticket.StatusId).Name, message.AuthorId, now);
        var rows = new List<object>();
        var added = Add(ticket, message, now, rows, byStaff);
        foreach (var row in rows) db.Add(row);
        return added;
    }

    /// <summary>Takes a closed ticket back into work before a customer's message is added to it.</summary>
    public async Task ReopenAsync(Ticket ticket, long? actorId, DateTimeOffset now, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(db, ct);
        ticket.Reopen(reference.DefaultStatus(StatusCategory.Open), reference.Status(ticket.StatusId).Name, actorId, now);
    }

    /// <summary>Tickets waiting for their requester (a status that <see cref="TicketStatus.WaitsForRequester"/>), untouched
    /// since <paramref name="idleSince"/>, whose requester was not reminded since their last change; oldest first.</summary>
    public async Task<List<long>> DueForReminderAsync(DateTimeOffset idleSince, int max, CancellationToken ct) =>
        await (await DueForReminderAsync(idleSince, ct)).OrderBy(t => t.UpdatedAt).Select(t => t.Id).Take(max).ToListAsync(ct);

    /// <summary>
    /// Claims one ticket's reminder inside the caller's transaction with a conditional update, so
    /// two nodes never both send it; null when another node took it or the ticket moved on.
    /// </summary>
    public async Task<Ticket?> ClaimReminderAsync(long number, DateTimeOffset idleSince, DateTimeOffset now, CancellationToken ct)
    {
        var claimed = await (await DueForReminderAsync(idleSince, ct)).Where(t => t.Id == number)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerRemindedAt, now), ct);
        return claimed == 0 ? null : await db.Tickets.FirstAsync(t => t.Id == number, ct);
    }

    private async Task<IQueryable<Ticket>> DueForReminderAsync(DateTimeOffset idleSince, CancellationToken ct)
    {
        var waiting = (await catalog.GetAsync(db, ct)).Statuses.Where(s => s.WaitsForRequester).Select(s => s.Id).ToList();
        return db.Tickets.Where(t => t.StatusCategory == StatusCategory.Pending && waiting.Contains(t.StatusId) && t.UpdatedAt < idleSince
            && (t.CustomerRemindedAt == null || t.CustomerRemindedAt < t.UpdatedAt));
    }

    public Task<Ticket?> FindAsync(long number, CancellationToken ct) => db.Tickets.FirstOrDefaultAsync(t => t.Id == number, ct);

    /// <summary>The ticket that holds a message with one of these ids (newest first), if any.</summary>
    public async Task<long?> TicketOfMessageIdsAsync(IReadOnlyCollection<string> messageIds, CancellationToken ct)
    {
        if (messageIds.Count == 0) return null;
        return await db.Messages.Where(m => m.ExternalMessageId != null && messageIds.Contains(m.ExternalMessageId))
            .OrderByDescending(m => m.Id).Select(m => (long?)m.TicketId).FirstOrDefaultAsync(ct);
    }

    /// <summary>The ticket that already holds the message with this id, if any.</summary>
    public Task<long?> TicketOfMessageIdAsync(string messageId, CancellationToken ct) =>
        db.Messages.Where(m => m.ExternalMessageId == messageId).Select(m => (long?)m.TicketId).FirstOrDefaultAsync(ct);

    /// <summary>The Message-IDs of a ticket's messages, oldest first, for a reply's References header.</summary>
    public Task<List<string>> MessageIdsAsync(long number, CancellationToken ct) =>
        db.Messages.Where(m => m.TicketId == number && m.ExternalMessageId != null && !m.IsInternal)
            .OrderBy(m => m.Id).Select(m => m.ExternalMessageId!).ToListAsync(ct);

    /// <summary>Records on the ticket's history what became of an automatic mail, in the caller's unit of work.</summary>
    public async Task RecordMailOutcomeAsync(long number, string outcome, DateTimeOffset now, CancellationToken ct)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == number, ct);
        ticket?.MailOutcome(Clip.To(outcome, 1000), now);
    }

    /// <summary>Records how sending a reply by mail went, for the timeline, and stores it.</summary>
    public async Task SetDeliveryAsync(string externalMessageId, MailDelivery delivery, string? detail, DateTimeOffset now, CancellationToken ct)
    {
        var message = await db.Messages.Include(m => m.Ticket).FirstOrDefaultAsync(m => m.ExternalMessageId == externalMessageId, ct);
        if (message?.Ticket is null) return;
        message.Delivery = delivery;
        message.DeliveryDetail = Clip.To(detail, 2000);
        message.Ticket.Noted("delivery", now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The message and its files and search row, added to <paramref name="rows"/>.</summary>
    private TicketMessage Add(Ticket ticket, InboundMessage m, DateTimeOffset now, List<object> rows, bool byStaff = false)
    {
        var text = Clip.To(m.BodyText, MaxText);
        var message = new TicketMessage
        {
            Ticket = ticket,
            TicketId = ticket.Id,
            AuthorId = m.AuthorId,
            IsInternal = m.IsInternal,
            Channel = m.Channel,
            BodyText = string.IsNullOrWhiteSpace(text) ? "(no text)" : text,
            BodyHtml = CleanHtml(m.BodyHtml),
            ExternalMessageId = m.ExternalMessageId,
            Cc = m.Cc is { Count: > 0 } cc ? Clip.To(string.Join(',', cc), 4000) : null,
            CreatedAt = now,
        };
        rows.Add(message);
        rows.Add(SearchIndex.ForMessage(message));
        foreach (var file in m.Files)
        {
            rows.Add(new Attachment
            {
                Ticket = ticket,
                TicketId = ticket.Id,
                Message = message,
                FileName = AttachmentHandlers.SafeFileName(file.FileName),
                ContentType = AttachmentHandlers.SafeContentType(file.ContentType),
                Size = file.Size,
                Sha256 = file.Sha256,
                ContentId = Clip.To(file.ContentId, 250),
                IsInternal = m.IsInternal || file.Internal,
                UploadedById = m.AuthorId,
                CreatedAt = now,
            });
        }
        ticket.Received(message, byStaff);
        return message;
    }

    /// <summary>
    /// Sanitized once, here, when the message is stored. HTML past the limits (a mail's HTML part
    /// can be anything) is not sanitized at all: the message keeps its text, and the raw mail keeps
    /// the original, so one message cannot cost seconds of work on every write or view.
    /// </summary>
    private string? CleanHtml(string? source) =>
        string.IsNullOrWhiteSpace(source) || source.Length > Limits.BodyHtml || Limits.ElementsIn(source) > Limits.BodyHtmlElements
            ? null
            : html.Clean(source);

    /// <summary>Whether the address was copied on any mail of the ticket.</summary>
    public Task<bool> WasCopiedAsync(long number, string address, CancellationToken ct) =>
        db.Messages.AnyAsync(m => m.TicketId == number && m.Cc != null && ("," + m.Cc + ",").Contains("," + address + ","), ct);

    /// <summary>One line, no control characters, within the subject limit; never empty.</summary>
    public static string CleanSubject(string? subject)
    {
        var line = new string((subject ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        while (line.Contains("  ", StringComparison.Ordinal)) line = line.Replace("  ", " ", StringComparison.Ordinal);
        return line.Length == 0 ? "(no subject)" : Clip.To(line, TicketFields.MaxSubject);
    }
}
