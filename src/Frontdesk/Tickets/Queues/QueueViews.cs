using System.Collections.Concurrent;
using Frontdesk.Common.Http;
using Frontdesk.Tickets.ListTickets;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Tickets.Queues;

/// <summary>A queue an agent works from: a name and the ticket list's filters.</summary>
/// <param name="Key">Its place in the console's address (<c>/agent/views/{key}</c>).</param>
/// <param name="PerAgent">Whether what it holds depends on who looks (mine, my teams').</param>
internal sealed record QueueView(string Key, string Name, string Description, TicketQuery Query, bool PerAgent);

/// <summary>The views every agent has, and how many tickets each holds.</summary>
internal sealed class QueueViews(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Counts for everyone's views are shared by every console on the node and read again at most this often.</summary>
    public static readonly TimeSpan SharedCountsFor = TimeSpan.FromSeconds(3);

    public static readonly IReadOnlyList<QueueView> BuiltIn =
    [
        new("mine", "My tickets", "Open and pending tickets assigned to you", new TicketQuery(Status: "new,open,pending", Assignee: "me", Sort: "priority"), PerAgent: true),
        new("unassigned", "My teams' unassigned", "New and open tickets of your teams that nobody has taken", new TicketQuery(Status: "new,open", Team: "mine", Assignee: "none", Sort: "priority"), PerAgent: true),
        new("open", "All open", "Every new and open ticket", new TicketQuery(Status: "new,open", Sort: "priority"), PerAgent: false),
        new("pending", "Pending", "Waiting on the customer or a vendor", new TicketQuery(Status: "pending", Sort: "updated"), PerAgent: false),
        new("resolved", "Recently resolved", "Resolved, not yet closed: the customer may still answer", new TicketQuery(Status: "resolved", Sort: "-updated"), PerAgent: false),
    ];

    /// <summary>Not a queue: what the console's search box looks through (every ticket, newest change first).</summary>
    public static readonly QueueView Everything =
        new("all", "All tickets", "Every ticket, whatever its status", new TicketQuery(Sort: "-updated"), PerAgent: false);

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset At)> _shared = new();

    public static QueueView? Find(string? key) => key == Everything.Key ? Everything : BuiltIn.FirstOrDefault(v => v.Key == (key ?? "mine"));

    /// <summary>
    /// How many tickets each view holds for <paramref name="caller"/>. The views that depend on the
    /// agent count a small, indexed set (their own tickets, their teams' unassigned); the shared
    /// ones are counted at most every <see cref="SharedCountsFor"/> per node however many consoles
    /// ask, so a busy desk does not count a million rows on every change.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAsync(Caller caller, CancellationToken ct)
    {
        // Staff see every ticket, which is what lets consoles share the counts of everyone's views.
        if (!caller.IsStaff) throw new InvalidOperationException("Queues are the agents' views.");
        var counts = new Dictionary<string, int>();
        await using var scope = scopes.CreateAsyncScope();
        var lister = scope.ServiceProvider.GetRequiredService<TicketLister>();
        var now = clock.GetUtcNow();
        foreach (var view in BuiltIn)
        {
            if (!view.PerAgent && _shared.TryGetValue(view.Key, out var known) && now - known.At < SharedCountsFor)
            {
                counts[view.Key] = known.Count;
                continue;
            }
            var (count, _) = await lister.CountAsync(view.Query, caller, ct);
            counts[view.Key] = count ?? 0;
            if (!view.PerAgent) _shared[view.Key] = (count ?? 0, now);
        }
        return counts;
    }
}
