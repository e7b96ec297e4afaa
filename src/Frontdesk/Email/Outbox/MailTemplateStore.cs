using Frontdesk.Database;
using Frontdesk.Common;
using Frontdesk.Directory.Domain;
using Frontdesk.Email.Domain;
using Frontdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Ticket = Frontdesk.Tickets.Domain.Ticket;

namespace Frontdesk.Email.Outbox;

/// <summary>
/// Renders a mail from the admin's template, or from the built-in one when there is none. The
/// admin's templates are kept in memory: evicted at once by a change through this node, at most
/// <see cref="MemorySnapshot{T}.Lifetime"/> stale for a change made on another.
/// </summary>
internal sealed class MailTemplateStore(FrontdeskDbContext db, IMemoryCache cache, IOptions<EmailOptions> email, IOptions<TicketOptions> tickets)
{
    private readonly MemorySnapshot<IReadOnlyDictionary<MailTemplateKind, MailTemplate>> _stored = new(cache, "mail-templates");

    public void Evict() => _stored.Evict();

    public async Task<(string Text, string? Html)> RenderAsync(MailTemplateKind kind, Person person, Ticket ticket, CancellationToken ct)
    {
        var stored = (await _stored.GetAsync(async () => await db.MailTemplates.AsNoTracking().ToDictionaryAsync(t => t.Kind, ct))).GetValueOrDefault(kind);
        var answerBy = ticket.CreatedAt.AddHours(tickets.Value.FirstAnswerHours.GetValueOrDefault(ticket.Priority, 8));
        var tag = Intake.MailClassifier.Tag(ticket.Id, email.Value.TicketTagPrefix);
        var text = MailTemplates.Render(stored?.Text ?? MailTemplates.Default(kind), person, ticket, answerBy, tag);
        var html = stored?.Html is { } h ? MailTemplates.Render(h, person, ticket, answerBy, tag, html: true) : null;
        return (text, html);
    }
}
