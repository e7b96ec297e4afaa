using Frontdesk.Database;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Ticket = Frontdesk.Tickets.Domain.Ticket;

namespace Frontdesk.Tickets.CreateTicket;

/// <summary>A new ticket with everything stored with it.</summary>
internal sealed record NewTicketRows(Ticket Ticket, IReadOnlyList<object> Rows);

/// <summary>
/// Group commit for new tickets: every ticket that arrives while a group is being written goes
/// into the next group, stored in one transaction. Under load this turns hundreds of small
/// transactions (each a commit, and on SQLite each a turn of the single writer) into a few
/// large ones. When a group fails (say one ticket's Idempotency-Key was just used), each
/// ticket of it is stored on its own, so one bad ticket never fails its neighbours.
/// </summary>
internal sealed class TicketWriter(IServiceScopeFactory scopes, ILogger<TicketWriter> log) : BackgroundService
{
    private const int MaxGroup = 100;

    private readonly Channel<(NewTicketRows Rows, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(NewTicketRows, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stores the ticket; completes when it is committed (its <see cref="Ticket.Id"/> is set then).</summary>
    public async Task StoreAsync(NewTicketRows rows, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((rows, done), ct);
        // Once queued, the write happens even if this caller gives up: never half a ticket.
        await done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<(NewTicketRows Rows, TaskCompletionSource Done)>(MaxGroup);
        // Not cancelled by stoppingToken: on shutdown the queue is completed (StopAsync) and
        // this loop drains what is left, so no caller waits forever and nothing queued is lost.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var item)) group.Add(item);
            await WriteAsync(group);
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<(NewTicketRows Rows, TaskCompletionSource Done)> group)
    {
        try
        {
            await SaveAsync(group.Select(g => g.Rows));
            foreach (var (_, done) in group) done.TrySetResult();
            return;
        }
        catch (Exception e) when (group.Count > 1)
        {
            log.LogDebug(e, "A group of {Count} new tickets failed; storing them one by one", group.Count);
        }
        catch (Exception e)
        {
            group[0].Done.TrySetException(e);
            return;
        }
        foreach (var (rows, done) in group)
        {
            try
            {
                await SaveAsync([rows]);
                done.TrySetResult();
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }
    }

    private async Task SaveAsync(IEnumerable<NewTicketRows> tickets)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>();
        foreach (var ticket in tickets)
        {
            db.Add(ticket.Ticket);
            foreach (var row in ticket.Rows) db.Add(row);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
