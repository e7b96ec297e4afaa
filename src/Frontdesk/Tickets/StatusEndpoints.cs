using Frontdesk.Database;
using Frontdesk.Tickets.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets;

/// <param name="WaitsForRequester">A ticket in this status waits for its requester, who gets a reminder when that takes long.</param>
internal sealed record StatusDto(int Id, string Name, StatusCategory Category, bool WaitsForRequester);

internal static class StatusEndpoints
{
    public static async Task<Ok<List<StatusDto>>> ListAsync(FrontdeskDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.TicketStatuses.AsNoTracking().OrderBy(s => s.SortOrder)
            .Select(s => new StatusDto(s.Id, s.Name, s.Category, s.WaitsForRequester)).ToListAsync(ct));
}
