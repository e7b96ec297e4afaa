using Frontdesk.Database;
using Frontdesk.Common;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Email.Domain;
using Frontdesk.Email.Mailboxes;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.Inbox;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Email.Outbox;

/// <summary>
/// Sends the outbox over SMTP. A mail is claimed with a lease before it is sent, so two nodes
/// never send the same one; a failure is retried with growing pauses, and a refusal for good
/// (5xx) is marked failed with the server's answer, which agents see on the message.
/// </summary>
internal sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<EmailOptions> options, NodeIdentity node, TimeProvider clock, ILogger<OutboxSender> log)
    : MailWorker(options, node, log)
{
    private static readonly TimeSpan[] Backoff =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3)];

    protected override async Task RoundAsync(CancellationToken ct)
    {
        while (await SendDueAsync(ct) > 0) { }
    }

    /// <summary>Sends what is due; returns how many mails it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.OutboundMails.Where(o => o.Status == OutboundMailStatus.Queued && o.NextAttemptAt <= now && (o.LeaseUntil == null || o.LeaseUntil < now))
            .OrderBy(o => o.Id).Select(o => o.Id).Take(20).ToListAsync(ct);
        var handled = 0;
        var clients = new Dictionary<long, SmtpClient>();
        try
        {
            foreach (var id in due)
            {
                if (await ClaimAsync(db, id, ct))
                {
                    await SendOneAsync(scope.ServiceProvider, db, id, clients, ct);
                    handled++;
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                if (client.IsConnected) await client.DisconnectAsync(true, CancellationToken.None);
                client.Dispose();
            }
        }
        return handled;
    }

    /// <summary>
    /// Claims one mail for as long as sending it can take: connecting and sending may each use the
    /// SMTP timeout, so the lease is never shorter than both with room to spare. Taken from the
    /// clock now, not when the batch began: the twentieth mail gets its full lease too.
    /// </summary>
    private async Task<bool> ClaimAsync(FrontdeskDbContext db, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + TimeSpan.FromSeconds(Math.Max(Options.LeaseSeconds, 2 * MailConnections.Timeout.TotalSeconds + 30));
        return await db.OutboundMails
            .Where(o => o.Id == id && o.Status == OutboundMailStatus.Queued && (o.LeaseUntil == null || o.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseOwner, Node).SetProperty(o => o.LeaseUntil, until), ct) == 1;
    }

    protected override async Task TakeBackEarlierLeasesAsync(string earlierRun, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>().OutboundMails
            .Where(o => o.Status == OutboundMailStatus.Queued && o.LeaseOwner != null && o.LeaseOwner.StartsWith(earlierRun) && o.LeaseOwner != Node)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseOwner, (string?)null).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    private async Task SendOneAsync(IServiceProvider services, FrontdeskDbContext db, long id, Dictionary<long, SmtpClient> clients, CancellationToken ct)
    {
        var mail = await db.OutboundMails.FirstAsync(o => o.Id == id, ct);
        var mailbox = (await services.GetRequiredService<MailboxCatalog>().FindAsync(db, mail.MailboxId, ct))?.Mailbox
            ?? throw new InvalidOperationException($"Mailbox {mail.MailboxId} is gone.");
        var inbox = services.GetRequiredService<TicketInbox>();
        var now = clock.GetUtcNow();
        mail.Attempts++;
        SmtpClient? client = null;
        try
        {
            if (!clients.TryGetValue(mailbox.Id, out client))
            {
                client = await services.GetRequiredService<MailConnections>().OpenSmtpAsync(mailbox, ct);
                clients[mailbox.Id] = client;
            }
            await client.SendAsync(MailComposer.ToMime(mail, mailbox), ct);
            mail.Status = OutboundMailStatus.Sent;
            mail.SentAt = now;
            mail.LastError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A refused address or message leaves the connection good for the next mail (MailKit
            // resets the transaction); a broken connection is dropped and opened afresh.
            if (client is not null && (e is not SmtpCommandException || !client.IsConnected))
            {
                clients.Remove(mailbox.Id);
                client.Dispose();
            }
            var permanent = e is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 };
            mail.LastError = Clip.To(ConnectionTester.Explain("SMTP", mailbox.SmtpHost, mailbox.SmtpPort, e), 2000);
            if (permanent || mail.Attempts > Backoff.Length) mail.Status = OutboundMailStatus.Failed;
            else mail.NextAttemptAt = now + Backoff[mail.Attempts - 1];
            log.LogInformation("Mail {MessageId} to {To}: attempt {Attempt} failed: {Error}", mail.MessageId, mail.To, mail.Attempts, mail.LastError);
        }
        mail.LeaseOwner = null;
        mail.LeaseUntil = null;
        // From here on the server has answered: the outcome is written even if the node is stopping,
        // or a shutdown now would send the mail again.
        if (mail.TicketId is { } ticketId && mail.Kind != OutboundMailKind.AgentReply && mail.Status != OutboundMailStatus.Queued)
        {
            // Agent replies show their delivery on the message; automatic mails on the history, once the server answered.
            var what = EnumText.Of(mail.Kind);
            await inbox.RecordMailOutcomeAsync(ticketId, mail.Status == OutboundMailStatus.Sent ? $"{what} sent to {mail.To}" : $"{what} failed: {mail.LastError}", now, CancellationToken.None);
        }
        // Written as soon as the server answered this one mail, never per batch: a crash between the
        // server's "250 OK" and this line is the only way a mail can go out twice.
        await db.SaveChangesAsync(CancellationToken.None);
        if (mail.Kind == OutboundMailKind.AgentReply)
        {
            var delivery = mail.Status switch
            {
                OutboundMailStatus.Sent => MailDelivery.Sent,
                OutboundMailStatus.Failed => MailDelivery.Failed,
                _ => MailDelivery.Queued,
            };
            await inbox.SetDeliveryAsync(mail.MessageId, delivery, mail.LastError, now, CancellationToken.None);
        }
    }
}
