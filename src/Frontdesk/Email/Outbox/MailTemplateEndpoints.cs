using Frontdesk.Common.Security;
using Frontdesk.Common.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Frontdesk.Email.Outbox;

/// <param name="Text">The plain text, with placeholders such as {{first name}} and {{number}}.</param>
/// <param name="Html">Optional HTML version (sanitized when saved).</param>
internal sealed record SaveMailTemplateRequest(string? Text, string? Html);

/// <param name="Kind">acknowledgement, reply-footer, resolved or reminder.</param>
/// <param name="Custom">False while the built-in text is used.</param>
internal sealed record MailTemplateDto(string Kind, string Text, string? Html, bool Custom, IReadOnlyList<string> Placeholders);

/// <summary>Admins read and change the mails Frontdesk writes by itself.</summary>
internal static class MailTemplateEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/mail-templates").WithTags("E-mail").RequireAuthorization(Policies.ApiAdmin);
        group.MapGet("/", ListAsync).WithSummary("Every automatic mail's text, built-in or changed");
        group.MapPut("/{kind}", SaveAsync).WithSummary("Replace a mail's text").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{kind}", ResetAsync).WithSummary("Go back to the built-in text").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<Page<MailTemplateDto>>> ListAsync(MailTemplateAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(new Page<MailTemplateDto>(await admin.ListAsync(ct), null));

    private static async Task<Ok<MailTemplateDto>> SaveAsync(string kind, SaveMailTemplateRequest request, MailTemplateAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.SaveAsync(kind, request, ct));

    private static async Task<Ok<MailTemplateDto>> ResetAsync(string kind, MailTemplateAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.ResetAsync(kind, ct));
}
