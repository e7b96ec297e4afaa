using Frontdesk.Common;
using Frontdesk.Common.Http;
using Frontdesk.Database;
using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.Requesters;

/// <summary>The person beside a ticket, as an agent needs them while answering.</summary>
/// <param name="TimeZone">The IANA zone of their local time: their own choice, else their site's; null when unknown.</param>
internal sealed record RequesterCardDto(
    long Id,
    string Name,
    string Email,
    string? Phone,
    string? MobilePhone,
    string? Organization,
    string? Department,
    string? Site,
    string? TimeZone,
    string? Manager,
    bool IsVip,
    string? EmailFailure,
    IReadOnlyList<TicketLine> OpenTickets,
    IReadOnlyList<TicketLine> RecentTickets,
    IReadOnlyList<TicketLine> OrganizationLastHour);

internal sealed record TicketLine(long Number, string Subject, StatusCategory StatusCategory, Priority Priority, DateTimeOffset UpdatedAt, string? Requester = null);

/// <summary>Reads the requester's card: who they are, where, and what else they have asked lately (staff only).</summary>
internal sealed class RequesterCard(FrontdeskDbContext db, TimeProvider clock)
{
    private const int Shown = 5;

    public async Task<RequesterCardDto?> GetAsync(long personId, long? besideTicket, Caller caller, CancellationToken ct)
    {
        if (!caller.IsStaff) throw new ForbiddenException("Only agents see people's cards.");
        var p = await (
            from person in db.People.AsNoTracking().Where(x => x.Id == personId)
            from org in db.Organizations.Where(o => o.Id == person.OrganizationId).DefaultIfEmpty()
            from dept in db.Departments.Where(d => d.Id == person.DepartmentId).DefaultIfEmpty()
            from site in db.Sites.Where(s => s.Id == person.SiteId).DefaultIfEmpty()
            from manager in db.People.Where(m => m.Id == person.ManagerId).DefaultIfEmpty()
            select new
            {
                person.Id, person.Name, person.Email, person.Phone, person.MobilePhone, person.OrganizationId, person.TimeZone, person.IsVip, person.EmailFailure,
                Organization = org == null ? null : org.Name,
                Department = dept == null ? null : dept.Name,
                Site = site == null ? null : site.Name,
                SiteZone = site == null ? null : site.TimeZone,
                Manager = manager == null ? null : manager.Name,
            }).FirstOrDefaultAsync(ct);
        if (p is null) return null;

        var theirs = db.Tickets.AsNoTracking().Where(t => t.RequesterId == personId && t.Id != besideTicket);
        var open = await Lines(theirs.Where(t => t.StatusCategory == StatusCategory.New || t.StatusCategory == StatusCategory.Open || t.StatusCategory == StatusCategory.Pending))
            .ToListAsync(ct);
        var recent = await Lines(theirs.Where(t => t.StatusCategory == StatusCategory.Resolved || t.StatusCategory == StatusCategory.Closed)).ToListAsync(ct);
        List<TicketLine> sameOrganization = [];
        if (p.OrganizationId is { } organization)
        {
            // Several people of one organization writing within the hour often means one outage.
            var hourAgo = clock.GetUtcNow().AddHours(-1);
            sameOrganization = await (
                from t in db.Tickets.AsNoTracking()
                where t.OrganizationId == organization && t.CreatedAt >= hourAgo && t.RequesterId != personId
                orderby t.Id descending
                from r in db.People.Where(r => r.Id == t.RequesterId)
                select new TicketLine(t.Id, t.Subject, t.StatusCategory, t.Priority, t.UpdatedAt, r.Name)).Take(Shown).ToListAsync(ct);
        }
        var zone = TimeZones.Chosen(p.TimeZone) ?? p.SiteZone;
        return new RequesterCardDto(p.Id, p.Name, p.Email, p.Phone, p.MobilePhone, p.Organization, p.Department, p.Site,
            TimeZones.Find(zone) is null ? null : zone, p.Manager, p.IsVip, p.EmailFailure, open, recent, sameOrganization);
    }

    private static IQueryable<TicketLine> Lines(IQueryable<Ticket> tickets) =>
        tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Take(Shown)
            .Select(t => new TicketLine(t.Id, t.Subject, t.StatusCategory, t.Priority, t.UpdatedAt, null));
}
