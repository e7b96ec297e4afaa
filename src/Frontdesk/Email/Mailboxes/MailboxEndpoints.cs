using Frontdesk.Common.Security;
using Frontdesk.Common.Http;
using Frontdesk.Email.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Frontdesk.Email.Mailboxes;

/// <summary>Admins add support mailboxes, test them, and look after mail that could not be processed.</summary>
internal static class MailboxEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/mailboxes").WithTags("E-mail").RequireAuthorization(Policies.ApiAdmin);
        group.MapPost("/", CreateAsync).WithSummary("Add a mailbox; it starts polling at once").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithSummary("Mailboxes with their last poll time and last error (never passwords)");
        group.MapPatch("/{id:long}", UpdateAsync).WithSummary("Change a mailbox, or pause it with active: false; left-out fields and passwords stay")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/test", TestAsync).WithSummary("Check the IMAP and SMTP connections and say what is wrong")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/mails", MailsAsync).WithSummary("Every mail the mailbox took, newest first, with its outcome; filter by outcome, words, and time")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/quarantine", QuarantineAsync).WithSummary("Mail that could not be processed, with the reason")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/quarantine/{mailId:long}/retry", RetryAsync).WithSummary("Process a quarantined mail again")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/quarantine/{mailId:long}/release", ReleaseAsync)
            .WithSummary("Make a ticket from a quarantined mail as it is, with the raw mail attached")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<MailboxDto>> CreateAsync(CreateMailboxRequest request, MailboxAdmin admin, CancellationToken ct)
    {
        var mailbox = await admin.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/mailboxes/{mailbox.Id}", mailbox);
    }

    private static async Task<Ok<MailboxDto>> UpdateAsync(long id, UpdateMailboxRequest request, MailboxAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.UpdateAsync(id, request, ct));

    private static async Task<Ok<Page<MailboxDto>>> ListAsync(MailboxAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(new Page<MailboxDto>(await admin.ListAsync(ct), null));

    private static async Task<Ok<ConnectionTestDto>> TestAsync(long id, MailboxAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.TestAsync(id, ct));

    private static async Task<Ok<Page<MailLogEntryDto>>> MailsAsync(long id, [AsParameters] MailLogQuery query, MailLog log, CancellationToken ct) =>
        TypedResults.Ok(await log.ListAsync(id, query, ct));

    private static async Task<Ok<Page<QuarantinedMailDto>>> QuarantineAsync(long id, MailboxAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(new Page<QuarantinedMailDto>((await admin.QuarantineAsync(id, ct)).Mails, null));

    private static async Task<Ok<ProcessedMailDto>> RetryAsync(long id, long mailId, MailboxAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.ReprocessAsync(id, mailId, release: false, ct));

    private static async Task<Ok<ProcessedMailDto>> ReleaseAsync(long id, long mailId, MailboxAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.ReprocessAsync(id, mailId, release: true, ct));
}

/// <summary>What became of a mail processed again.</summary>
/// <param name="Outcome">What became of it, as in the mail log (ticket, message, quarantined ...).</param>
internal sealed record ProcessedMailDto(long Id, string Status, string? Reason, long? Ticket, InboundMailOutcome Outcome);
