using Frontdesk.Database;
using Frontdesk.Common.Security;
using Frontdesk.Common.Http;
using Frontdesk.Tickets.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets;

internal sealed record PriorityMatrixCellDto(string? Impact, string? Urgency, string? Priority);

/// <summary>Reading (staff) and changing (admin) the impact × urgency → priority matrix.</summary>
internal static class PriorityMatrixEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/priority-matrix").WithTags("Tickets");
        group.MapGet("/", GetAsync).RequireAuthorization(Policies.ApiStaff).WithSummary("The priority for each impact and urgency");
        group.MapPut("/", PutAsync).RequireAuthorization(Policies.ApiAdmin).WithSummary("Change cells of the matrix (admin)")
            .ProducesValidationProblem();
    }

    private static async Task<Ok<List<PriorityMatrixCellDto>>> GetAsync(FrontdeskDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ToDtos(await PriorityMatrices.LoadAsync(db, ct)));

    private static async Task<Results<Ok<List<PriorityMatrixCellDto>>, ValidationProblem>> PutAsync(
        List<PriorityMatrixCellDto?> cells, FrontdeskDbContext db, TicketCatalog catalog, CancellationToken ct)
    {
        var errors = new Errors();
        if (cells.Count > MaxCells) errors.Add("cells", $"The matrix has {MaxCells} cells; send at most that many.");
        var parsed = cells.Take(MaxCells).Select((c, i) => c is null
            ? (Impact: null, Urgency: null, Priority: null, Missing: Missing(errors, i))
            : (Impact: errors.Enum<Impact>($"[{i}].impact", c.Impact ?? ""), Urgency: errors.Enum<Urgency>($"[{i}].urgency", c.Urgency ?? ""),
               Priority: errors.Enum<Priority>($"[{i}].priority", c.Priority ?? ""), Missing: false)).ToList();
        if (errors.Any) return Problems.Invalid(errors);
        foreach (var (impact, urgency, priority, _) in parsed)
        {
            var cell = await db.PriorityMatrixCells.FirstOrDefaultAsync(x => x.Impact == impact && x.Urgency == urgency, ct);
            if (cell is null) db.PriorityMatrixCells.Add(new PriorityMatrixCell { Impact = impact!.Value, Urgency = urgency!.Value, Priority = priority!.Value });
            else cell.Priority = priority!.Value;
        }
        await db.SaveChangesAsync(ct);
        catalog.Evict();
        return TypedResults.Ok(ToDtos(await PriorityMatrices.LoadAsync(db, ct)));
    }

    private static readonly int MaxCells = Enum.GetValues<Impact>().Length * Enum.GetValues<Urgency>().Length;

    private static bool Missing(Errors errors, int index)
    {
        errors.Add($"[{index}]", "Each cell needs impact, urgency and priority; this one is null.");
        return true;
    }

    private static List<PriorityMatrixCellDto> ToDtos(PriorityMatrix matrix) =>
        matrix.Cells().Select(c => new PriorityMatrixCellDto(EnumText.Of(c.Impact), EnumText.Of(c.Urgency), EnumText.Of(c.Priority))).ToList();
}
