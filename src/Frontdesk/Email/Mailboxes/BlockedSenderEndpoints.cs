using Frontdesk.Common.Data;
using Frontdesk.Common.Http;
using Frontdesk.Directory;
using Frontdesk.Email.Domain;
using Frontdesk.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Email.Mailboxes;

/// <param name="Pattern">An address (spam@example.com) or a whole domain (@example.com).</param>
public sealed record BlockSenderRequest(string? Pattern, string? Reason);

public sealed record BlockedSenderDto(long Id, string Pattern, string? Reason, DateTimeOffset CreatedAt);

/// <summary>Admins block senders: their mail is kept (and listed as ignored) but never becomes a ticket.</summary>
internal static class BlockedSenderEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/blocked-senders").WithTags("E-mail").RequireAuthorization(Policies.ApiAdmin);
        group.MapGet("/", ListAsync).WithSummary("Blocked addresses and domains");
        group.MapPost("/", BlockAsync).WithSummary("Block an address or @domain").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:long}", UnblockAsync).WithSummary("Unblock").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<Page<BlockedSenderDto>>> ListAsync(FrontdeskDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new Page<BlockedSenderDto>(await db.BlockedSenders.AsNoTracking().OrderBy(b => b.Pattern)
            .Select(b => new BlockedSenderDto(b.Id, b.Pattern, b.Reason, b.CreatedAt)).ToListAsync(ct), null));

    private static async Task<Results<Created<BlockedSenderDto>, ValidationProblem, ProblemHttpResult>> BlockAsync(
        BlockSenderRequest request, FrontdeskDbContext db, MailboxCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var pattern = request.Pattern?.Trim().ToLowerInvariant() ?? "";
        var valid = pattern.StartsWith('@') ? PeopleDirectory.IsValidEmail("someone" + pattern) : PeopleDirectory.IsValidEmail(pattern);
        if (!valid) return Problems.Invalid("pattern", "pattern is an e-mail address (spam@example.com) or a domain starting with @ (@example.com).");
        if (request.Reason is { Length: > 500 }) return Problems.Invalid("reason", "reason is limited to 500 characters.");
        if (await db.BlockedSenders.AnyAsync(b => b.Pattern == pattern, ct)) return Problems.Conflict($"{pattern} is blocked already.");
        var blocked = new BlockedSender { Pattern = pattern, Reason = request.Reason?.Trim(), CreatedAt = clock.GetUtcNow() };
        db.BlockedSenders.Add(blocked);
        await db.SaveChangesAsync(ct);
        catalog.Evict();
        return TypedResults.Created($"/api/v1/blocked-senders/{blocked.Id}", new BlockedSenderDto(blocked.Id, blocked.Pattern, blocked.Reason, blocked.CreatedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnblockAsync(long id, FrontdeskDbContext db, MailboxCatalog catalog, CancellationToken ct)
    {
        var removed = await db.BlockedSenders.Where(b => b.Id == id).ExecuteDeleteAsync(ct) == 1;
        catalog.Evict();
        return removed ? TypedResults.NoContent() : Problems.NotFound($"Blocked sender {id}");
    }
}
