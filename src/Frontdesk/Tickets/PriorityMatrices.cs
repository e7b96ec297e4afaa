using Frontdesk.Database;
using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets;

internal static class PriorityMatrices
{
    /// <summary>The configured matrix: stored cells over the ITIL default.</summary>
    public static async Task<PriorityMatrix> LoadAsync(FrontdeskDbContext db, CancellationToken ct) =>
        new(await db.PriorityMatrixCells.AsNoTracking().ToListAsync(ct));
}
