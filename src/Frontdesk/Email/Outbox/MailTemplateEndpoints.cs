using Frontdesk.Common.Data;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Email.Domain;
using Frontdesk.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Email.Outbox;

/// <param name="Text">The plain text, with placeholders such as {{first name}} and {{number}}.</param>
/// <param name="Html">Optional HTML version (sanitized when saved).</param>
public sealed record SaveMailTemplateRequest(string? Text, string? Html);

/// <param name="Kind">acknowledgement, reply-footer, resolved or reminder.</param>
/// <param name="Custom">False while the built-in text is used.</param>
public sealed record MailTemplateDto(string Kind, string Text, string? Html, bool Custom, IReadOnlyList<string> Placeholders);

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

    private static async Task<Ok<Page<MailTemplateDto>>> ListAsync(FrontdeskDbContext db, CancellationToken ct)
    {
        var stored = await db.MailTemplates.AsNoTracking().ToDictionaryAsync(t => t.Kind, ct);
        return TypedResults.Ok(new Page<MailTemplateDto>(Enum.GetValues<MailTemplateKind>()
            .Select(kind => ToDto(kind, stored.GetValueOrDefault(kind))).ToList(), null));
    }

    private static async Task<Results<Ok<MailTemplateDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        string kind, SaveMailTemplateRequest request, FrontdeskDbContext db, MailTemplateStore store, HtmlCleaner html, TimeProvider clock, CancellationToken ct)
    {
        if (Parse(kind) is not { } parsed) return Problems.NotFound($"Mail template '{kind}'");
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 20_000) errors.Add("text", "text is required (at most 20,000 characters).");
        if (request.Html is { Length: > 100_000 }) errors.Add("html", "html is limited to 100,000 characters.");
        foreach (var (field, value) in new[] { ("text", request.Text), ("html", request.Html) })
        {
            if (value is not null && MailTemplates.Unknown(value) is { Count: > 0 } unknown)
            {
                errors.Add(field, $"Unknown placeholders: {string.Join(", ", unknown)}. Use {string.Join(", ", MailTemplates.Placeholders)}.");
            }
        }
        if (errors.Any) return Problems.Invalid(errors);
        var template = await db.MailTemplates.FirstOrDefaultAsync(t => t.Kind == parsed, ct);
        if (template is null) db.MailTemplates.Add(template = new MailTemplate { Kind = parsed, Text = "" });
        template.Text = request.Text!.Trim();
        template.Html = string.IsNullOrWhiteSpace(request.Html) ? null : html.Clean(request.Html);
        template.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        store.Evict();
        return TypedResults.Ok(ToDto(parsed, template));
    }

    private static async Task<Results<Ok<MailTemplateDto>, ProblemHttpResult>> ResetAsync(string kind, FrontdeskDbContext db, MailTemplateStore store, CancellationToken ct)
    {
        if (Parse(kind) is not { } parsed) return Problems.NotFound($"Mail template '{kind}'");
        await db.MailTemplates.Where(t => t.Kind == parsed).ExecuteDeleteAsync(ct);
        store.Evict();
        return TypedResults.Ok(ToDto(parsed, null));
    }

    private static MailTemplateKind? Parse(string kind) =>
        Enum.GetValues<MailTemplateKind>().Cast<MailTemplateKind?>().FirstOrDefault(k => EnumText.Of(k!.Value) == kind);

    private static MailTemplateDto ToDto(MailTemplateKind kind, MailTemplate? stored) =>
        new(EnumText.Of(kind), stored?.Text ?? MailTemplates.Default(kind), stored?.Html, stored is not null, MailTemplates.Placeholders);
}
