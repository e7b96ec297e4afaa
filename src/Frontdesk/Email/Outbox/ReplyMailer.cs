using Frontdesk.Database;
using Frontdesk.Directory.Domain;
using Frontdesk.Email.Domain;
using Frontdesk.Email.Intake;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.Events;
using Frontdesk.Tickets.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Frontdesk.Email.Outbox;

/// <summary>
/// Sends an agent's public reply, and the news that a ticket is resolved, to the requester by mail,
/// threaded under their mails. A ticket change handler: the mail goes into the outbox in the same
/// unit of work as the reply or the status change, and the outbox sends it after the commit.
/// </summary>
internal sealed class ReplyMailer(FrontdeskDbContext db, TicketInbox inbox, MailTemplateStore templates, IOptions<EmailOptions> options, TimeProvider clock)
    : ITicketChangeHandler
{
    public Task HandleAsync(Ticket ticket, TicketChange change, CancellationToken ct) => change switch
    {
        MessageAdded { ByStaff: true, Message.IsInternal: false } reply => OnStaffReplyAsync(ticket, reply.Message, ct),
        // Only staff resolve; a move between two resolved statuses is no news.
        StatusChanged { To: StatusCategory.Resolved, From: not StatusCategory.Resolved } => OnResolvedAsync(ticket, ct),
        _ => Task.CompletedTask,
    };

    private async Task OnResolvedAsync(Ticket ticket, CancellationToken ct)
    {
        if (await MailboxForAsync(ticket, ct) is not { } mailbox) return;
        await QueueFromTemplateAsync(mailbox, ticket, await RequesterAsync(ticket, ct), MailTemplateKind.Resolved, OutboundMailKind.Resolved, ct);
    }

    /// <summary>
    /// Queues the "we are waiting for your answer" mail. Returns what happened, for the ticket's
    /// history ("queued for ..." or why not), or null when the desk has no mailbox to send from.
    /// </summary>
    public async Task<string?> RemindAsync(Ticket ticket, CancellationToken ct)
    {
        if (await MailboxForAsync(ticket, ct) is not { } mailbox) return null;
        var requester = await RequesterAsync(ticket, ct);
        // Mail to an address that bounces would only bounce again.
        if (requester.EmailFailingSince is not null) return $"not sent: mail to {requester.Email} fails";
        await QueueFromTemplateAsync(mailbox, ticket, requester, MailTemplateKind.Reminder, OutboundMailKind.Reminder, ct);
        // "Sent" is for the outbox to say, once the mail server took it (history field "mail").
        return $"queued for {requester.Email}";
    }

    private async Task OnStaffReplyAsync(Ticket ticket, TicketMessage reply, CancellationToken ct)
    {
        if (await MailboxForAsync(ticket, ct) is not { } mailbox) return;
        var requester = await RequesterAsync(ticket, ct);
        var (footer, _) = await templates.RenderAsync(MailTemplateKind.ReplyFooter, requester, ticket, ct);
        var mail = await QueueAsync(mailbox, ticket, requester.Email, OutboundMailKind.AgentReply, reply.BodyText + footer, ct);
        mail.Cc = reply.Cc;
        mail.HtmlBody = reply.BodyHtml;
        // The reply carries the mail's Message-ID: customers' answers thread to it, and the
        // sender reports delivery on it.
        reply.ExternalMessageId = mail.MessageId;
        reply.Delivery = MailDelivery.Queued;
    }

    private Task<Person> RequesterAsync(Ticket ticket, CancellationToken ct) =>
        db.People.AsNoTracking().FirstAsync(p => p.Id == ticket.RequesterId, ct);

    /// <summary>An automatic mail from an admin-editable template (text and HTML) to the requester, in the outbox.</summary>
    private async Task QueueFromTemplateAsync(Mailbox mailbox, Ticket ticket, Person requester, MailTemplateKind template, OutboundMailKind kind, CancellationToken ct)
    {
        var (text, html) = await templates.RenderAsync(template, requester, ticket, ct);
        (await QueueAsync(mailbox, ticket, requester.Email, kind, text, ct)).HtmlBody = html;
    }

    /// <summary>A mail to the requester, threaded under the ticket's earlier mails, in the outbox.</summary>
    private async Task<OutboundMail> QueueAsync(Mailbox mailbox, Ticket ticket, string to, OutboundMailKind kind, string text, CancellationToken ct)
    {
        var earlier = await inbox.MessageIdsAsync(ticket.Id, ct);
        var now = clock.GetUtcNow();
        var mail = new OutboundMail
        {
            MailboxId = mailbox.Id,
            TicketId = ticket.Id,
            Kind = kind,
            To = to,
            Subject = $"Re: {MailClassifier.Tag(ticket.Id, options.Value.TicketTagPrefix)} {ticket.Subject}",
            TextBody = text,
            MessageId = MailComposer.NewMessageId(mailbox),
            InReplyTo = earlier.LastOrDefault(),
            References = earlier.Count == 0 ? null : string.Join(' ', earlier.TakeLast(20).Select(id => $"<{id}>")),
            IsAutomatic = kind != OutboundMailKind.AgentReply,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.OutboundMails.Add(mail);
        return mail;
    }

    /// <summary>The mailbox the customer last wrote to; else the first one; null when there is none or the ticket is demo data.</summary>
    private async Task<Mailbox?> MailboxForAsync(Ticket ticket, CancellationToken ct)
    {
        if (ticket.IsDemo) return null;
        var mailboxId = await db.InboundMails.Where(m => m.TicketId == ticket.Id).OrderByDescending(m => m.Id).Select(m => (long?)m.MailboxId).FirstOrDefaultAsync(ct);
        return mailboxId is null
            ? await db.Mailboxes.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.Id).FirstOrDefaultAsync(ct)
            : await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mailboxId, ct);
    }
}
