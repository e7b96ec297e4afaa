using Frontdesk.Common.Security;
using System.Globalization;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Tickets.Attachments;
using Frontdesk.Tickets.CreateTicket;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.History;
using Frontdesk.Tickets.ListTickets;
using Frontdesk.Tickets.Messages;
using Frontdesk.Tickets.UpdateTicket;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Frontdesk.Tickets;

/// <summary>The ticket API under <c>/api/v1/tickets</c>. Refusals are thrown and become problem details.</summary>
internal static class TicketEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tickets").WithTags("Tickets").RequireAuthorization(Policies.Api)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithSummary("Open a ticket (send Idempotency-Key to make retries safe)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).WithSummary("List tickets you may see, newest activity first").ProducesValidationProblem();
        group.MapGet("/{number:long}", GetAsync).WithSummary("One ticket; the ETag is its version");
        group.MapPatch("/{number:long}", UpdateAsync).WithSummary("Change a ticket (staff); send If-Match with the ETag")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/{number:long}/messages", ListMessagesAsync).WithSummary("Replies and, for staff, internal notes");
        group.MapPost("/{number:long}/messages", AddMessageAsync).WithSummary("Reply, or add an internal note (staff)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{number:long}/attachments", ListAttachmentsAsync).WithSummary("Files on the ticket");
        group.MapPost("/{number:long}/attachments", UploadAsync).WithSummary("Attach a file (multipart/form-data, field 'file')")
            .DisableAntiforgery().ProducesValidationProblem();
        group.MapGet("/{number:long}/attachments/{id:long}", DownloadAsync).WithSummary("Download a file")
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/octet-stream", "image/png", "image/jpeg", "image/gif", "image/webp");
        group.MapGet("/{number:long}/history", HistoryAsync).WithSummary("Every change: who, when, field, old and new value");
        app.MapGet("/api/v1/statuses", StatusEndpoints.ListAsync).WithTags("Tickets").RequireAuthorization(Policies.Api)
            .WithSummary("The statuses and their categories");
        PriorityMatrixEndpoints.Map(app);
    }

    private static async Task<Created<TicketDto>> CreateAsync(
        CreateTicketRequest request, Caller caller, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CreateTicketHandler handler, HttpContext http, CancellationToken ct)
    {
        // The creator is the requester or staff, so may see it: no access check needed to answer.
        var (ticket, replayed) = await handler.HandleAsync(request, caller, Channel.Api, idempotencyKey, ct);
        SetETag(http, ticket.Version);
        if (replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Created($"/api/v1/tickets/{ticket.Number}", ticket);
    }

    private static async Task<Results<Ok<Page<TicketDto>>, ValidationProblem>> ListAsync(
        [AsParameters] TicketQuery query, Caller caller, TicketLister lister, CancellationToken ct)
    {
        var (page, errors) = await lister.ListAsync(query, caller, ct);
        return page is null ? Problems.Invalid(errors) : TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> GetAsync(
        long number, Caller caller, TicketReader reader, HttpContext http, CancellationToken ct)
    {
        var ticket = await reader.GetAsync(number, caller, ct);
        if (ticket is null) return Problems.NotFound($"Ticket #{number}");
        SetETag(http, ticket.Version);
        return TypedResults.Ok(ticket);
    }

    private static async Task<Ok<TicketDto>> UpdateAsync(
        long number, UpdateTicketRequest request, Caller caller, UpdateTicketHandler handler, TicketReader reader,
        HttpContext http, CancellationToken ct)
    {
        var expected = ParseIfMatch(http.Request.Headers.IfMatch);
        await handler.HandleAsync(number, request, expected, caller, ct);
        var ticket = (await reader.GetAsync(number, caller, ct))!;
        SetETag(http, ticket.Version);
        return TypedResults.Ok(ticket);
    }

    private static async Task<Ok<Page<MessageDto>>> ListMessagesAsync(
        long number, Caller caller, MessageHandlers messages, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await messages.ListAsync(number, caller, limit, cursor, ct));

    private static async Task<Created<MessageDto>> AddMessageAsync(
        long number, AddMessageRequest request, Caller caller, MessageHandlers messages, CancellationToken ct)
    {
        var message = await messages.AddAsync(number, request, caller, Channel.Api, ct);
        return TypedResults.Created($"/api/v1/tickets/{number}/messages/{message.Id}", message);
    }

    private static async Task<Ok<Page<AttachmentDto>>> ListAttachmentsAsync(
        long number, Caller caller, AttachmentHandlers attachments, CancellationToken ct) =>
        TypedResults.Ok(new Page<AttachmentDto>(await attachments.ListAsync(number, caller, ct), null));

    private static async Task<Results<Created<AttachmentDto>, ValidationProblem>> UploadAsync(
        long number, IFormFile? file, [FromForm] bool? @internal, Caller caller, AttachmentHandlers attachments, CancellationToken ct)
    {
        if (file is null) return Problems.Invalid("file", "Send the file as multipart/form-data in a field named 'file'.");
        await using var stream = file.OpenReadStream();
        var saved = await attachments.UploadAsync(number, file.FileName, file.ContentType, stream, @internal ?? false, caller, ct);
        return TypedResults.Created($"/api/v1/tickets/{number}/attachments/{saved.Id}", saved);
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(
        long number, long id, Caller caller, AttachmentHandlers attachments, CancellationToken ct)
    {
        var (attachment, content, inline) = await attachments.OpenAsync(number, id, caller, ct);
        // Anything not a plain image is a download with a neutral type, so the browser never runs it.
        return inline
            ? TypedResults.File(content, attachment.ContentType)
            : TypedResults.File(content, "application/octet-stream", attachment.FileName);
    }

    private static async Task<Ok<Page<HistoryEntryDto>>> HistoryAsync(long number, Caller caller, HistoryReader history, CancellationToken ct) =>
        TypedResults.Ok(new Page<HistoryEntryDto>(await history.ListAsync(number, caller, ct), null));

    internal static void SetETag(HttpContext http, int version) =>
        http.Response.Headers.ETag = new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\"").ToString();

    /// <summary>
    /// The version in an If-Match header (<c>"7"</c> or <c>W/"7"</c>); null when absent or <c>*</c>.
    /// A tag that is not one of ours cannot match the ticket's, so it is a failed precondition
    /// (412, RFC 9110 §13.1.1), not a bad request.
    /// </summary>
    internal static int? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return null;
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return value.Length > 2 && value[0] == '"' && value[^1] == '"'
            && int.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new StaleException($"If-Match {Clip.To(header, 100)} is not a version of this ticket; read it again and send its ETag, like \"3\".");
    }
}
