using Frontdesk.Common.Security;
using Frontdesk.Common.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Frontdesk.Email.Mailboxes;

/// <param name="Pattern">An address (spam@example.com) or a whole domain (@example.com).</param>
internal sealed record BlockSenderRequest(string? Pattern, string? Reason);

internal sealed record BlockedSenderDto(long Id, string Pattern, string? Reason, DateTimeOffset CreatedAt);

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

    private static async Task<Ok<Page<BlockedSenderDto>>> ListAsync(MailboxAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(new Page<BlockedSenderDto>(await admin.BlockedSendersAsync(ct), null));

    private static async Task<Created<BlockedSenderDto>> BlockAsync(BlockSenderRequest request, MailboxAdmin admin, CancellationToken ct)
    {
        var blocked = await admin.BlockAsync(request, ct);
        return TypedResults.Created($"/api/v1/blocked-senders/{blocked.Id}", blocked);
    }

    private static async Task<NoContent> UnblockAsync(long id, MailboxAdmin admin, CancellationToken ct)
    {
        await admin.UnblockAsync(id, ct);
        return TypedResults.NoContent();
    }
}
