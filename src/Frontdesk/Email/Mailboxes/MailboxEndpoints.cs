using Frontdesk.Common.Data;
using Frontdesk.Common.Http;
using Frontdesk.Directory;
using Frontdesk.Email.Domain;
using Frontdesk.Email.Intake;
using Frontdesk.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

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
        group.MapPost("/{id:long}/test", TestAsync).WithSummary("Check the IMAP and SMTP connections and say what is wrong")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/quarantine", QuarantineAsync).WithSummary("Mail that could not be processed, with the reason")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/quarantine/{mailId:long}/retry", RetryAsync).WithSummary("Process a quarantined mail again")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/quarantine/{mailId:long}/release", ReleaseAsync)
            .WithSummary("Make a ticket from a quarantined mail as it is, with the raw mail attached")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<MailboxDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateMailboxRequest request, FrontdeskDbContext db, DirectoryNames names, MailConnections connections, MailboxPoller poller,
        MailboxCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var (mailbox, errors) = await MailboxValidation.ValidateAsync(request, db, names, connections, ct);
        if (mailbox is null) return Problems.Invalid(errors);
        if (await db.Mailboxes.AnyAsync(m => m.Address == mailbox.Address, ct)) return Problems.Conflict($"The mailbox {mailbox.Address} exists already.");
        mailbox.CreatedAt = clock.GetUtcNow();
        db.Mailboxes.Add(mailbox);
        await db.SaveChangesAsync(ct);
        catalog.Evict();
        poller.Wake();
        return TypedResults.Created($"/api/v1/mailboxes/{mailbox.Id}", ToDto(mailbox));
    }

    private static async Task<Ok<Page<MailboxDto>>> ListAsync(FrontdeskDbContext db, CancellationToken ct)
    {
        var mailboxes = await db.Mailboxes.AsNoTracking().OrderBy(m => m.Address).ToListAsync(ct);
        var counts = (await db.InboundMails.GroupBy(m => new { m.MailboxId, m.Status }).Select(g => new { g.Key.MailboxId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(c => c.MailboxId);
        return TypedResults.Ok(new Page<MailboxDto>(mailboxes.Select(m =>
        {
            var of = counts[m.Id].ToList();
            return ToDto(m) with
            {
                MailsTaken = of.Sum(c => c.Count),
                MailsWaiting = of.Where(c => c.Status == InboundMailStatus.Received).Sum(c => c.Count),
                MailsQuarantined = of.Where(c => c.Status == InboundMailStatus.Quarantined).Sum(c => c.Count),
            };
        }).ToList(), null));
    }

    private static async Task<Results<Ok<ConnectionTestDto>, ProblemHttpResult>> TestAsync(
        long id, FrontdeskDbContext db, ConnectionTester tester, CancellationToken ct)
    {
        var mailbox = await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mailbox is null) return Problems.NotFound($"Mailbox {id}");
        return TypedResults.Ok(await tester.TestAsync(mailbox, ct));
    }

    private static async Task<Results<Ok<Page<QuarantinedMailDto>>, ProblemHttpResult>> QuarantineAsync(
        long id, FrontdeskDbContext db, CancellationToken ct)
    {
        if (!await db.Mailboxes.AnyAsync(m => m.Id == id, ct)) return Problems.NotFound($"Mailbox {id}");
        var mails = await db.InboundMails.AsNoTracking()
            .Where(m => m.MailboxId == id && m.Status == InboundMailStatus.Quarantined)
            .OrderByDescending(m => m.Id).Take(200)
            .Select(m => new QuarantinedMailDto(m.Id, m.FromAddress, m.Subject, m.MessageId, m.Size, m.Reason ?? "", m.ReceivedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<QuarantinedMailDto>(mails, null));
    }

    private static Task<Results<Ok<ProcessedMailDto>, ProblemHttpResult>> RetryAsync(long id, long mailId, MailIntake intake, CancellationToken ct) =>
        ReprocessAsync(id, mailId, intake, release: false, ct);

    private static Task<Results<Ok<ProcessedMailDto>, ProblemHttpResult>> ReleaseAsync(long id, long mailId, MailIntake intake, CancellationToken ct) =>
        ReprocessAsync(id, mailId, intake, release: true, ct);

    private static async Task<Results<Ok<ProcessedMailDto>, ProblemHttpResult>> ReprocessAsync(
        long id, long mailId, MailIntake intake, bool release, CancellationToken ct)
    {
        var result = await intake.ReprocessAsync(id, mailId, release, ct);
        return result is null ? Problems.NotFound($"Quarantined mail {mailId} of mailbox {id}") : TypedResults.Ok(result);
    }

    internal static MailboxDto ToDto(Mailbox m) => new(
        m.Id, m.Address, m.DisplayName,
        new ImapSettingsDto(m.ImapHost, m.ImapPort, m.ImapSecurity.ToString(), m.ImapUsername, m.ImapFolder, m.ProcessedFolder),
        new SmtpSettingsDto(m.SmtpHost, m.SmtpPort, m.SmtpSecurity.ToString(), m.SmtpUsername),
        m.TeamId, m.PollSeconds, m.MaxMessageBytes, m.IsActive, m.LastPollAt, m.LastError);
}

/// <summary>What became of a mail processed again.</summary>
public sealed record ProcessedMailDto(long Id, string Status, string? Reason, long? Ticket);
