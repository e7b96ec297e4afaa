using Frontdesk.Common.Data;
using Frontdesk.Directory.Domain;
using Frontdesk.Email.Domain;
using Microsoft.EntityFrameworkCore;
using Ticket = Frontdesk.Tickets.Domain.Ticket;

namespace Frontdesk.Email.Outbox;

/// <summary>Renders a mail from the admin's template, or from the built-in one when there is none.</summary>
public sealed class MailTemplateStore(FrontdeskDbContext db)
{
    public async Task<(string Text, string? Html)> RenderAsync(MailTemplateKind kind, Person person, Ticket ticket, CancellationToken ct)
    {
        var stored = await db.MailTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct);
        var text = MailTemplates.Render(stored?.Text ?? MailTemplates.Default(kind), person, ticket);
        var html = stored?.Html is { } h ? MailTemplates.Render(h, person, ticket, html: true) : null;
        return (text, html);
    }
}
