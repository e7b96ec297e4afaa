using Frontdesk.Database;
using Frontdesk.Common.Http;
using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets;

/// <summary>
/// The one place that decides which tickets a caller may see. Staff see every ticket; a customer
/// sees tickets they requested, plus their organization's when an admin allowed that.
/// </summary>
internal sealed class TicketAccess(FrontdeskDbContext db)
{
    public async Task<IQueryable<Ticket>> VisibleTicketsAsync(Caller caller, CancellationToken ct)
    {
        if (caller.IsStaff) return db.Tickets;
        if (await SharedOrganizationAsync(caller, ct) is { } orgId)
        {
            return db.Tickets.Where(t => t.RequesterId == caller.PersonId || t.OrganizationId == orgId);
        }
        return db.Tickets.Where(t => t.RequesterId == caller.PersonId);
    }

    /// <summary>The organization whose tickets a customer sees besides their own (an admin allowed it), if any.</summary>
    public async Task<long?> SharedOrganizationAsync(Caller caller, CancellationToken ct)
    {
        var me = await db.People.AsNoTracking()
            .Where(p => p.Id == caller.PersonId)
            .Select(p => new
            {
                p.OrganizationId,
                SeeAll = db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.MembersSeeAllTickets).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return me is { SeeAll: true } ? me.OrganizationId : null;
    }

    /// <summary>The ticket if the caller may see it, tracked for changes; otherwise null.</summary>
    public async Task<Ticket?> FindAsync(long number, Caller caller, CancellationToken ct) =>
        await (await VisibleTicketsAsync(caller, ct)).Include(t => t.Tags).FirstOrDefaultAsync(t => t.Id == number, ct);

    public async Task<bool> CanSeeAsync(long number, Caller caller, CancellationToken ct) =>
        await (await VisibleTicketsAsync(caller, ct)).AnyAsync(t => t.Id == number, ct);
}
