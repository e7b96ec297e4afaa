using Frontdesk.Tickets.ListTickets;

namespace Frontdesk.Web.Components.Agent.Tickets;

/// <summary>What differs between the ticket an agent was looking at and the ticket now, in words.</summary>
internal static class TicketDifferences
{
    public static string Describe(TicketDto before, TicketDto? now)
    {
        if (now is null) return "it is gone";
        var changes = new List<string>();
        void Compare(string what, string? a, string? b)
        {
            if (a != b) changes.Add($"{what}: {a ?? "none"} → {b ?? "none"}");
        }
        Compare("subject", before.Subject, now.Subject);
        Compare("status", before.Status, now.Status);
        Compare("priority", before.Priority.ToString(), now.Priority.ToString());
        Compare("team", before.Team?.Name, now.Team?.Name);
        Compare("assignee", before.Assignee?.Name, now.Assignee?.Name);
        Compare("owner", before.Owner?.Name, now.Owner?.Name);
        Compare("type", before.Type.ToString(), now.Type.ToString());
        Compare("category", before.Category?.Name, now.Category?.Name);
        Compare("tags", string.Join(", ", before.Tags), string.Join(", ", now.Tags));
        return changes.Count == 0 ? "a new message or note" : string.Join("; ", changes);
    }
}
