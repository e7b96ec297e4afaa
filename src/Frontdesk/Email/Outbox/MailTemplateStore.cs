using Frontdesk.Common;
using Frontdesk.Common.Data;
using Frontdesk.Directory.Domain;
using Frontdesk.Email.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Ticket = Frontdesk.Tickets.Domain.Ticket;

namespace Frontdesk.Email.Outbox;

/// <summary>
/// Renders a mail from the admin's template, or from the built-in one when there is none. The
/// admin's templates are kept in memory: evicted at once by a change through this node, at most
/// <see cref="Lifetime"/> stale for a change made on another.
/// </summary>
public sealed class MailTemplateStore(FrontdeskDbContext db, IMemoryCache cache, IOptions<FrontdeskOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const string Key = "mail-templates";

    public void Evict() => cache.Remove(Key);

    public async Task<(string Text, string? Html)> RenderAsync(MailTemplateKind kind, Person person, Ticket ticket, CancellationToken ct)
    {
        var stored = (await StoredAsync(ct)).GetValueOrDefault(kind);
        var answerBy = ticket.CreatedAt.AddHours(options.Value.Tickets.FirstAnswerHours.GetValueOrDefault(ticket.Priority, 8));
        var tag = Intake.MailClassifier.Tag(ticket.Id, options.Value.Email.TicketTagPrefix);
        var text = MailTemplates.Render(stored?.Text ?? MailTemplates.Default(kind), person, ticket, answerBy, tag);
        var html = stored?.Html is { } h ? MailTemplates.Render(h, person, ticket, answerBy, tag, html: true) : null;
        return (text, html);
    }

    private async Task<IReadOnlyDictionary<MailTemplateKind, MailTemplate>> StoredAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(Key, out IReadOnlyDictionary<MailTemplateKind, MailTemplate>? stored)) return stored!;
        stored = await db.MailTemplates.AsNoTracking().ToDictionaryAsync(t => t.Kind, ct);
        cache.Set(Key, stored, Lifetime);
        return stored;
    }
}
