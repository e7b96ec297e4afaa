using Frontdesk.Database;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Email.Domain;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Email.Outbox;

/// <summary>
/// Admins read and change the mails Frontdesk writes by itself; the API and the admin pages both
/// call this. A refusal is a <see cref="RequestRejectedException"/>.
/// </summary>
internal sealed class MailTemplateAdmin(FrontdeskDbContext db, MailTemplateStore store, HtmlCleaner html, TimeProvider clock)
{
    public async Task<List<MailTemplateDto>> ListAsync(CancellationToken ct)
    {
        var stored = await db.MailTemplates.AsNoTracking().ToDictionaryAsync(t => t.Kind, ct);
        return Enum.GetValues<MailTemplateKind>().Select(kind => ToDto(kind, stored.GetValueOrDefault(kind))).ToList();
    }

    public async Task<MailTemplateDto> GetAsync(string kind, CancellationToken ct)
    {
        var parsed = Parse(kind);
        return ToDto(parsed, await db.MailTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == parsed, ct));
    }

    /// <summary>Replaces a mail's text (and optional HTML, sanitized); unknown placeholders are refused by name.</summary>
    public async Task<MailTemplateDto> SaveAsync(string kind, SaveMailTemplateRequest request, CancellationToken ct)
    {
        var parsed = Parse(kind);
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
        if (errors.Any) throw new ValidationFailedException(errors);
        var template = await db.MailTemplates.FirstOrDefaultAsync(t => t.Kind == parsed, ct);
        if (template is null) db.MailTemplates.Add(template = new MailTemplate { Kind = parsed, Text = "" });
        template.Text = request.Text!.Trim();
        template.Html = string.IsNullOrWhiteSpace(request.Html) ? null : html.Clean(request.Html);
        template.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        store.Evict();
        return ToDto(parsed, template);
    }

    /// <summary>Goes back to the built-in text.</summary>
    public async Task<MailTemplateDto> ResetAsync(string kind, CancellationToken ct)
    {
        var parsed = Parse(kind);
        await db.MailTemplates.Where(t => t.Kind == parsed).ExecuteDeleteAsync(ct);
        store.Evict();
        return ToDto(parsed, null);
    }

    private static MailTemplateKind Parse(string kind) =>
        Enum.GetValues<MailTemplateKind>().Cast<MailTemplateKind?>().FirstOrDefault(k => EnumText.Of(k!.Value) == kind)
        ?? throw new NotFoundException($"Mail template '{kind}'");

    private static MailTemplateDto ToDto(MailTemplateKind kind, MailTemplate? stored) =>
        new(EnumText.Of(kind), stored?.Text ?? MailTemplates.Default(kind), stored?.Html, stored is not null, MailTemplates.Placeholders);
}
