using Frontdesk.Database;
using Frontdesk.Common;
using Frontdesk.Tickets.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Email.Outbox;

/// <summary>
/// Reminds requesters of tickets left pending (waiting for their answer) for
/// <c>Frontdesk:Email:ReminderAfterHours</c>: one mail per quiet spell, claimed with a conditional
/// update so that several nodes never send it twice. Runs once a minute.
/// </summary>
internal sealed class ReminderWorker(IServiceScopeFactory scopes, IOptions<EmailOptions> options, NodeIdentity node, TimeProvider clock, ILogger<ReminderWorker> log)
    : MailWorker(options, node, log)
{
    private const int Batch = 50;
    private DateTimeOffset _next;

    protected override async Task RoundAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow() < _next) return;
        _next = clock.GetUtcNow().AddMinutes(1);
        await RemindDueAsync(ct);
    }

    /// <summary>Sends the reminders that are due now; returns how many were queued.</summary>
    public async Task<int> RemindDueAsync(CancellationToken ct)
    {
        var hours = Options.ReminderAfterHours;
        if (hours <= 0) return 0;
        var idleSince = clock.GetUtcNow().AddHours(-hours);
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>();
            // A desk without a mailbox has nobody to send from.
            if (!await db.Mailboxes.AnyAsync(m => m.IsActive, ct)) return 0;
            due = await scope.ServiceProvider.GetRequiredService<TicketInbox>().DueForReminderAsync(idleSince, Batch, ct);
        }
        var sent = 0;
        foreach (var number in due)
        {
            if (await RemindAsync(number, idleSince, ct)) sent++;
        }
        return sent;
    }

    private async Task<bool> RemindAsync(long number, DateTimeOffset idleSince, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>();
        // One SaveChanges in the transaction: a savepoint around it would only cost round trips.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var ticket = await scope.ServiceProvider.GetRequiredService<TicketInbox>().ClaimReminderAsync(number, idleSince, now, ct);
            if (ticket is null) return false;
            var outcome = await scope.ServiceProvider.GetRequiredService<ReplyMailer>().RemindAsync(ticket, ct);
            if (outcome is null) return false;
            ticket.CustomerReminded(outcome, now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
        return true;
    }
}
