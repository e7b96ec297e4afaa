using Frontdesk.Database;
using Frontdesk.Directory.Domain;
using Frontdesk.Email.Domain;
using Frontdesk.Email.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Ticket = Frontdesk.Tickets.Domain.Ticket;

namespace Frontdesk.Email.Outbox;

/// <summary>
/// Writes outgoing mails into the outbox (the caller saves them with its change) and turns an
/// outbox row into MIME with headers that make mail clients thread it.
/// </summary>
internal sealed class MailComposer(FrontdeskDbContext db, MailTemplateStore templates, IOptions<EmailOptions> options, TimeProvider clock)
{
    /// <summary>Queues the "we have your request" mail, unless this address had its hourly share of automatic mail. Returns why not, or null.</summary>
    public async Task<string?> AcknowledgeAsync(Mailbox mailbox, Ticket ticket, Person requester, MimeMessage received, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now.AddHours(-1);
        var cap = options.Value.AutoRepliesPerSenderPerHour;
        var recent = await db.OutboundMails.CountAsync(o => o.To == requester.Email && o.IsAutomatic && o.CreatedAt > since, ct);
        if (recent >= cap) return $"No acknowledgement: {requester.Email} had {recent} automatic mails in the last hour (the limit stops mail storms).";
        var references = received.References.Append(received.MessageId).OfType<string>().TakeLast(20).ToList();
        var (text, html) = await templates.RenderAsync(MailTemplateKind.Acknowledgement, requester, ticket, ct);
        db.OutboundMails.Add(new OutboundMail
        {
            MailboxId = mailbox.Id,
            TicketId = ticket.Id,
            Kind = OutboundMailKind.Acknowledgement,
            To = requester.Email,
            Subject = $"{MailClassifier.Tag(ticket.Id, options.Value.TicketTagPrefix)} {ticket.Subject}",
            TextBody = text,
            HtmlBody = html,
            MessageId = NewMessageId(mailbox),
            InReplyTo = received.MessageId,
            References = references.Count == 0 ? null : string.Join(' ', references.Select(r => $"<{r}>")),
            IsAutomatic = true,
            NextAttemptAt = now,
            CreatedAt = now,
        });
        return null;
    }

    /// <summary>Our own Message-ID, on the mailbox's domain so it is unique and recognisable.</summary>
    public static string NewMessageId(Mailbox mailbox) =>
        $"{Guid.NewGuid():N}@{mailbox.Address[(mailbox.Address.IndexOf('@', StringComparison.Ordinal) + 1)..]}";

    public static MimeMessage ToMime(OutboundMail mail, Mailbox mailbox)
    {
        var from = new MailboxAddress(mailbox.DisplayName ?? mailbox.Address, mailbox.Address);
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId, Date = mail.CreatedAt };
        message.From.Add(from);
        message.ReplyTo.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.To));
        if (!string.IsNullOrWhiteSpace(mail.Cc))
        {
            foreach (var cc in mail.Cc.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) message.Cc.Add(MailboxAddress.Parse(cc));
        }
        if (mail.InReplyTo is not null) message.InReplyTo = mail.InReplyTo;
        if (mail.References is not null)
        {
            foreach (var id in MimeKit.Utils.MimeUtils.EnumerateReferences(mail.References)) message.References.Add(id);
        }
        if (mail.IsAutomatic)
        {
            // RFC 3834: robots must not answer this; Exchange's own flag says the same.
            message.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
        }
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}
