using Frontdesk.Common.Http;
using Frontdesk.Database;
using Frontdesk.Identity;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.ListTickets;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets;

/// <summary>What an agent may set a ticket to: the statuses, teams, agents and categories by name.</summary>
internal sealed record TicketChoicesDto(
    IReadOnlyList<StatusChoice> Statuses,
    IReadOnlyList<NamedRef> Teams,
    IReadOnlyList<NamedRef> Agents,
    IReadOnlyList<NamedRef> Categories);

internal sealed record StatusChoice(int Id, string Name, StatusCategory Category, bool IsDefault);

internal sealed class TicketChoices(FrontdeskDbContext db, TicketCatalog catalog, Accounts accounts)
{
    public async Task<TicketChoicesDto> GetAsync(Caller caller, CancellationToken ct)
    {
        if (!caller.IsStaff) throw new ForbiddenException("Only agents change tickets.");
        var reference = await catalog.GetAsync(db, ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Tier).ThenBy(t => t.Name).Select(t => new NamedRef(t.Id, t.Name)).ToListAsync(ct);
        var agents = await accounts.ListActiveStaffAsync(ct);
        return new TicketChoicesDto(
            reference.Statuses.OrderBy(s => s.Category).ThenBy(s => s.SortOrder).Select(s => new StatusChoice(s.Id, s.Name, s.Category, s.IsDefaultForCategory)).ToList(),
            teams,
            agents.Select(a => new NamedRef(a.Id, a.Name)).ToList(),
            reference.Categories.OrderBy(c => c.Value).Select(c => new NamedRef(c.Key, c.Value)).ToList());
    }
}
