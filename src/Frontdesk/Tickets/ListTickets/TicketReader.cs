using Frontdesk.Database;
using Frontdesk.Common.Http;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.ListTickets;

/// <summary>Reads tickets as <see cref="TicketDto"/>s, always through <see cref="TicketAccess"/>.</summary>
internal sealed class TicketReader(FrontdeskDbContext db, TicketAccess access)
{
    public async Task<TicketDto?> GetAsync(long number, Caller caller, CancellationToken ct)
    {
        var visible = (await access.VisibleTicketsAsync(caller, ct)).Where(t => t.Id == number).Select(t => t.Id);
        var found = await LoadAsync(await visible.ToListAsync(ct), caller, ct);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Loads the given tickets with their names, in the order of <paramref name="numbers"/>.</summary>
    public async Task<IReadOnlyList<TicketDto>> LoadAsync(IReadOnlyList<long> numbers, Caller caller, CancellationToken ct)
    {
        if (numbers.Count == 0) return [];
        var rows = await (
            from t in db.Tickets.AsNoTracking().Where(t => numbers.Contains(t.Id))
            join s in db.TicketStatuses on t.StatusId equals s.Id
            join r in db.People on t.RequesterId equals r.Id
            from o in db.Organizations.Where(x => x.Id == t.OrganizationId).DefaultIfEmpty()
            from team in db.Teams.Where(x => x.Id == t.TeamId).DefaultIfEmpty()
            from a in db.People.Where(x => x.Id == t.AssigneeId).DefaultIfEmpty()
            from w in db.People.Where(x => x.Id == t.OwnerId).DefaultIfEmpty()
            from c in db.Categories.Where(x => x.Id == t.CategoryId).DefaultIfEmpty()
            select new
            {
                Ticket = t,
                Status = s.Name,
                Requester = new PersonRef(r.Id, r.Name, r.Email),
                Organization = o == null ? null : new NamedRef(o.Id, o.Name),
                Team = team == null ? null : new NamedRef(team.Id, team.Name),
                Assignee = a == null ? null : new PersonRef(a.Id, a.Name, a.Email),
                Owner = w == null ? null : new PersonRef(w.Id, w.Name, w.Email),
                Category = c == null ? null : new NamedRef(c.Id, c.Name),
            }).ToListAsync(ct);
        var tags = (await db.TicketTags.AsNoTracking().Where(x => numbers.Contains(x.TicketId)).ToListAsync(ct))
            .ToLookup(x => x.TicketId, x => x.Tag);
        var byId = rows.ToDictionary(r => r.Ticket.Id);
        return numbers.Where(byId.ContainsKey).Select(n =>
        {
            var r = byId[n];
            return TicketDto.From(r.Ticket, caller.IsStaff, r.Status, r.Requester, r.Organization, r.Team, r.Assignee, r.Owner, r.Category, tags[n]);
        }).ToList();
    }
}
