using Frontdesk.Database;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Frontdesk.Common.Data;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Directory;
using Frontdesk.Directory.Domain;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.Inbox;
using Frontdesk.Tickets.ListTickets;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.CreateTicket;

/// <summary>Opens a ticket with its first message. With an idempotency key, a retry returns the first ticket.</summary>
internal sealed class CreateTicketHandler(
    FrontdeskDbContext db, PeopleDirectory people, DirectoryNames names, TicketCatalog catalog, TicketReader reader,
    TicketInbox inbox, TicketWriter writer, TimeProvider clock)
{
    /// <summary>The ticket as stored; <paramref name="Replayed"/> when an earlier request with the same key made it.</summary>
    public sealed record Created(TicketDto Ticket, bool Replayed);

    public async Task<Created> HandleAsync(CreateTicketRequest request, Caller caller, Channel defaultChannel, string? idempotencyKey, CancellationToken ct)
    {
        var requestHash = idempotencyKey is null ? null : Hash(request);
        if (idempotencyKey is not null)
        {
            if (idempotencyKey.Length is 0 or > 200) throw ValidationFailedException.For("Idempotency-Key", "The Idempotency-Key header must be 1-200 characters.");
            // A retry is rare, so it is not looked for first: the unique key refuses the second
            // ticket when it is stored, and the first one is answered then (see below). Only a
            // retry of a request that fails validation is answered here, before validation.
        }

        var errors = new Errors();
        var subject = TicketFields.Subject(request.Subject, errors, required: true);
        var body = TicketFields.Body(request.Body, errors);
        var bodyHtml = TicketFields.BodyHtml(request.BodyHtml, errors);
        var requesterName = TicketFields.Text(request.RequesterName, Limits.PersonName, errors, "requesterName");
        var type = errors.Enum<TicketType>("type", request.Type) ?? TicketType.Incident;
        var impact = errors.Enum<Impact>("impact", request.Impact) ?? Impact.Medium;
        var urgency = errors.Enum<Urgency>("urgency", request.Urgency) ?? Urgency.Medium;
        var channel = errors.Enum<Channel>("channel", request.Channel) ?? defaultChannel;
        var tags = TicketFields.Tags(request.Tags, errors);
        if (!caller.IsStaff && request.Team is not null) throw new ForbiddenException("Customers cannot choose the team; the desk routes the ticket.");
        var team = await TicketFields.TeamAsync(names, db, request.Team, errors, ct);
        var category = await TicketFields.CategoryAsync(catalog, db, request.Category, errors, ct);
        if (request.RequesterEmail is not null && !PeopleDirectory.IsValidEmail(request.RequesterEmail))
        {
            errors.Add("requesterEmail", $"'{Clip.To(request.RequesterEmail, 100)}' is not an e-mail address.");
        }
        if (errors.Any)
        {
            var replay = idempotencyKey is null ? null : await ReplayAsync(caller, idempotencyKey, requestHash!, ct);
            return replay ?? throw new ValidationFailedException(errors);
        }

        var requester = await RequesterAsync(request, requesterName, caller, ct);
        var now = clock.Now();
        var opened = await inbox.OpenAsync(
            new NewTicket(subject!, requester.Id, requester.OrganizationId, channel, type, impact, urgency, team.Id, null, category.Id, tags),
            new InboundMessage(requester.Id, channel, body!, bodyHtml, null, []), caller.PersonId, now, ct);
        var ticket = opened.Ticket;
        var rows = opened.Rows.ToList();
        if (idempotencyKey is not null)
        {
            rows.Add(new IdempotencyRecord { UserId = caller.UserId, Key = idempotencyKey, RequestHash = requestHash!, Ticket = ticket, CreatedAt = now });
        }
        // The ticket and its rows land in one transaction, or not at all.
        try
        {
            await writer.StoreAsync(opened with { Rows = rows }, ct);
            // Answer from what was stored; reading it back would cost two more queries per ticket.
            var organization = await names.OrganizationNameAsync(db, requester.OrganizationId, ct);
            return new Created(TicketDto.From(ticket, caller.IsStaff, (await catalog.GetAsync(db, ct)).Status(ticket.StatusId).Name, new PersonRef(requester.Id, requester.Name, requester.Email),
                organization is null ? null : new NamedRef(requester.OrganizationId!.Value, organization),
                team.Id is null ? null : new NamedRef(team.Id.Value, team.Name!), null, null,
                category.Id is null ? null : new NamedRef(category.Id.Value, category.Name!), tags), false);
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
        return new Created((await reader.LoadAsync([earlier.TicketId], caller, ct))[0], true);
    }

    private async Task<Person> RequesterAsync(CreateTicketRequest request, string? requesterName, Caller caller, CancellationToken ct)
    {
        // Staff open tickets for anyone, themselves included: one look-up by address.
        if (request.RequesterEmail is not null && caller.IsStaff) return await people.FindOrCreateAsync(request.RequesterEmail, requesterName, ct);
        var me = await db.People.AsNoTracking().FirstAsync(p => p.Id == caller.PersonId, ct);
        if (request.RequesterEmail is null || Person.NormalizeEmail(request.RequesterEmail) == me.Email) return me;
        throw new ForbiddenException("Customers can open tickets only for themselves; leave requesterEmail empty or use your own address.");
    }

    private static string Hash(CreateTicketRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
}
