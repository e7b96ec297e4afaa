using Frontdesk.Common.Data;
using Frontdesk.Common.Http;
using Frontdesk.Tickets.ListTickets;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.History;

/// <summary>One change: who, when, which field, old → new.</summary>
public sealed record HistoryEntryDto(long Id, DateTimeOffset At, PersonRef? Actor, string Field, string? OldValue, string? NewValue);

/// <summary>The ticket's audit trail. Customers see only the changes that concern them.</summary>
public sealed class HistoryReader(FrontdeskDbContext db, TicketAccess access)
{
    private static readonly string[] CustomerFields = ["created", "subject", "status", "priority", "type"];

    public async Task<IReadOnlyList<HistoryEntryDto>> ListAsync(long number, Caller caller, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(number, caller, ct)) throw new NotFoundException($"Ticket #{number}");
        var events = db.TicketEvents.AsNoTracking().Where(e => e.TicketId == number);
        if (!caller.IsStaff) events = events.Where(e => CustomerFields.Contains(e.Field));
        return await (
            from e in events
            from a in db.People.Where(p => p.Id == e.ActorId).DefaultIfEmpty()
            orderby e.Id
            select new HistoryEntryDto(e.Id, e.At, a == null ? null : new PersonRef(a.Id, a.Name, a.Email), e.Field, e.OldValue, e.NewValue))
            .ToListAsync(ct);
    }
}
