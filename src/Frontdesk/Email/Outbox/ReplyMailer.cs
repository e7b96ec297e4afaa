using Frontdesk.Common.Data;
using Frontdesk.Email.Domain;
using Frontdesk.Email.Intake;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Email.Outbox;

/// <summary>Sends an agent's public reply to the requester by mail, through the outbox, threaded under their mails.</summary>
internal sealed class ReplyMailer(FrontdeskDbContext db, TicketInbox inbox, TimeProvider clock) : ITicketReplyListener
{
    public async Task OnStaffReplyAsync(Ticket ticket, TicketMessage reply, CancellationToken ct)
    {
        // Answer from the mailbox the customer last wrote to; else from the first one.
        var mailboxId = await db.InboundMails.Where(m => m.TicketId == ticket.Id).OrderByDescending(m => m.Id).Select(m => (long?)m.MailboxId).FirstOrDefaultAsync(ct);
        var mailbox = mailboxId is null
            ? await db.Mailboxes.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.Id).FirstOrDefaultAsync(ct)
            : await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mailboxId, ct);
        if (mailbox is null) return;
        var requester = await db.People.AsNoTracking().FirstAsync(p => p.Id == ticket.RequesterId, ct);
        var earlier = await inbox.MessageIdsAsync(ticket.Id, ct);
        var now = clock.GetUtcNow();
        var messageId = MailComposer.NewMessageId(mailbox);
        reply.ExternalMessageId = messageId;
        reply.Delivery = MailDelivery.Queued;
        db.OutboundMails.Add(new OutboundMail
        {
            MailboxId = mailbox.Id,
            TicketId = ticket.Id,
            Kind = OutboundMailKind.AgentReply,
            To = requester.Email,
            Cc = reply.Cc,
            Subject = $"Re: {MailClassifier.Tag(ticket.Id)} {ticket.Subject}",
            TextBody = reply.BodyText + MailTemplates.Render(MailTemplates.ReplyFooter, requester, ticket),
            HtmlBody = reply.BodyHtml,
            MessageId = messageId,
            InReplyTo = earlier.LastOrDefault(),
            References = earlier.Count == 0 ? null : string.Join(' ', earlier.TakeLast(20).Select(id => $"<{id}>")),
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }
}
