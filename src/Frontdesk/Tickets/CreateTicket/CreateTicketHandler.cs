using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Frontdesk.Common.Data;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Directory;
using Frontdesk.Directory.Domain;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.Search;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.CreateTicket;

/// <summary>Opens a ticket with its first message. With an idempotency key, a retry returns the first ticket.</summary>
public sealed class CreateTicketHandler(FrontdeskDbContext db, PeopleDirectory people, HtmlCleaner html, TicketWriter writer, TimeProvider clock)
{
    public sealed record Created(long Number, bool Replayed);

    public async Task<Created> HandleAsync(CreateTicketRequest request, Caller caller, Channel defaultChannel, string? idempotencyKey, CancellationToken ct)
    {
        var requestHash = idempotencyKey is null ? null : Hash(request);
        if (idempotencyKey is not null)
        {
            if (idempotencyKey.Length is 0 or > 200) throw ValidationFailedException.For("Idempotency-Key", "The Idempotency-Key header must be 1-200 characters.");
            var replay = await ReplayAsync(caller, idempotencyKey, requestHash!, ct);
            if (replay is not null) return replay;
        }

        var errors = new Errors();
        var subject = TicketFields.Subject(request.Subject, errors, required: true);
        var body = TicketFields.Body(request.Body, errors);
        var type = errors.Enum<TicketType>("type", request.Type) ?? TicketType.Incident;
        var impact = errors.Enum<Impact>("impact", request.Impact) ?? Impact.Medium;
        var urgency = errors.Enum<Urgency>("urgency", request.Urgency) ?? Urgency.Medium;
        var channel = errors.Enum<Channel>("channel", request.Channel) ?? defaultChannel;
        var tags = TicketFields.Tags(request.Tags, errors);
        if (!caller.IsStaff && request.Team is not null) throw new ForbiddenException("Customers cannot choose the team; the desk routes the ticket.");
        var team = await TicketFields.TeamAsync(db, request.Team, errors, ct);
        var category = await TicketFields.CategoryAsync(db, request.Category, errors, ct);
        if (request.RequesterEmail is not null && !PeopleDirectory.IsValidEmail(request.RequesterEmail))
        {
            errors.Add("requesterEmail", $"'{request.RequesterEmail}' is not an e-mail address.");
        }
        if (errors.Any) throw new ValidationFailedException(errors);

        var requester = await RequesterAsync(request, caller, ct);
        var matrix = await PriorityMatrices.LoadAsync(db, ct);
        var status = await PriorityMatrices.DefaultStatusAsync(db, StatusCategory.New, ct);
        var now = clock.GetUtcNow();
        var ticket = Ticket.Open(
            new NewTicket(subject!, requester.Id, requester.OrganizationId, channel, type, impact, urgency, team.Id, null, category.Id, tags),
            status, matrix, caller.PersonId, now);
        var message = new TicketMessage
        {
            Ticket = ticket,
            AuthorId = requester.Id,
            Channel = channel,
            BodyText = body!,
            BodyHtml = string.IsNullOrWhiteSpace(request.BodyHtml) ? null : html.Clean(request.BodyHtml),
            CreatedAt = now,
        };
        var rows = new List<object> { message, SearchIndex.ForSubject(ticket), SearchIndex.ForMessage(message) };
        if (idempotencyKey is not null)
        {
            rows.Add(new IdempotencyRecord { UserId = caller.UserId, Key = idempotencyKey, RequestHash = requestHash!, Ticket = ticket, CreatedAt = now });
        }
        // The ticket and its rows land in one transaction, or not at all.
        try
        {
            await writer.StoreAsync(new NewTicketRows(ticket, rows), ct);
            return new Created(ticket.Id, false);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key won a race in another request: nothing of ours was stored; answer with theirs.
            return await ReplayAsync(caller, idempotencyKey, requestHash!, ct)
                ?? throw new ConflictException("The Idempotency-Key is being used by another request; retry.");
        }
    }

    private async Task<Created?> ReplayAsync(Caller caller, string key, string requestHash, CancellationToken ct)
    {
        var earlier = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == caller.UserId && r.Key == key, ct);
        if (earlier is null) return null;
        if (earlier.RequestHash != requestHash)
        {
            throw ValidationFailedException.For("Idempotency-Key", "This Idempotency-Key was used for a different request; use a new key for a new ticket.");
        }
        return new Created(earlier.TicketId, true);
    }

    private async Task<Person> RequesterAsync(CreateTicketRequest request, Caller caller, CancellationToken ct)
    {
        var me = await db.People.FirstAsync(p => p.Id == caller.PersonId, ct);
        if (request.RequesterEmail is null || Person.NormalizeEmail(request.RequesterEmail) == me.Email) return me;
        if (!caller.IsStaff) throw new ForbiddenException("Customers can open tickets only for themselves; leave requesterEmail empty or use your own address.");
        return await people.FindOrCreateAsync(request.RequesterEmail, request.RequesterName, ct);
    }

    private static string Hash(CreateTicketRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
}
