using Frontdesk.Database;
using Frontdesk.Common.Http;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.ListTickets;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.History;

/// <summary>One change: who, when, which field, old → new.</summary>
/// <param name="OldValue">For a status, team, assignee, owner or category: its name today (a rename shows here); else the value then.</param>
/// <param name="OldId">The id of the old status, team, person or category; null for other fields and for changes recorded before ids were kept.</param>
/// <param name="OldCategory">For a status change or the ticket's creation: the status category before and after.</param>
internal sealed record HistoryEntryDto(
    long Id, DateTimeOffset At, PersonRef? Actor, string Field, string? OldValue, string? NewValue,
    long? OldId = null, long? NewId = null, StatusCategory? OldCategory = null, StatusCategory? NewCategory = null);

/// <summary>The ticket's audit trail, with today's names for what it refers to by id. Customers see only the changes that concern them.</summary>
internal sealed class HistoryReader(FrontdeskDbContext db, TicketAccess access)
{
    private static readonly string[] CustomerFields = ["created", "subject", "status", "priority", "type"];

    public async Task<IReadOnlyList<HistoryEntryDto>> ListAsync(long number, Caller caller, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(number, caller, ct)) throw new NotFoundException($"Ticket #{number}");
        var events = db.TicketEvents.AsNoTracking().Where(e => e.TicketId == number);
        if (!caller.IsStaff) events = events.Where(e => CustomerFields.Contains(e.Field));
        var rows = await (
            from e in events
            from a in db.People.Where(p => p.Id == e.ActorId).DefaultIfEmpty()
            orderby e.Id
            select new { Event = e, Actor = a == null ? null : new PersonRef(a.Id, a.Name, a.Email) })
            .ToListAsync(ct);
        var names = await NamesAsync(rows.Select(r => r.Event).ToList(), ct);
        return rows.Select(r =>
        {
            var e = r.Event;
            string? Name(long? id, string? then) => id is { } i && names.TryGetValue((e.Field, i), out var now) ? now : then;
            return new HistoryEntryDto(e.Id, e.At, r.Actor, e.Field, e.Field == "created" ? e.OldValue : Name(e.OldRef, e.OldValue),
                e.Field == "created" ? e.NewValue : Name(e.NewRef, e.NewValue), e.OldRef, e.NewRef, e.OldCategory, e.NewCategory);
        }).ToList();
    }

    /// <summary>Today's names of the statuses, teams, people and categories the events refer to, by (field, id).</summary>
    private async Task<Dictionary<(string Field, long Id), string>> NamesAsync(IReadOnlyList<TicketEvent> events, CancellationToken ct)
    {
        List<long> Ids(params string[] fields) => events.Where(e => fields.Contains(e.Field))
            .SelectMany(e => new[] { e.OldRef, e.NewRef }).OfType<long>().Distinct().ToList();
        var names = new Dictionary<(string, long), string>();
        if (Ids("status") is { Count: > 0 } statusIds)
        {
            var statuses = statusIds.Select(id => (int)id).ToList();
            foreach (var s in await db.TicketStatuses.AsNoTracking().Where(s => statuses.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct)) names[("status", s.Id)] = s.Name;
        }
        if (Ids("team") is { Count: > 0 } teams)
        {
            foreach (var t in await db.Teams.AsNoTracking().Where(t => teams.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct)) names[("team", t.Id)] = t.Name;
        }
        if (Ids("assignee", "owner") is { Count: > 0 } people)
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            {
                names[("assignee", p.Id)] = p.Name;
                names[("owner", p.Id)] = p.Name;
            }
        }
        if (Ids("category") is { Count: > 0 } categories)
        {
            foreach (var c in await db.Categories.AsNoTracking().Where(c => categories.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct)) names[("category", c.Id)] = c.Name;
        }
        return names;
    }
}
