using Frontdesk.Database;
using Frontdesk.Common.Http;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.Inbox;
using Frontdesk.Tickets.ListTickets;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.Messages;

/// <summary>Adds replies and notes, and lists them (without internal notes for customers).</summary>
internal sealed class MessageHandlers(
    FrontdeskDbContext db, TicketAccess access, TicketInbox inbox, TimeProvider clock)
{
    public async Task<MessageDto> AddAsync(long number, AddMessageRequest request, Caller caller, Channel channel, CancellationToken ct)
    {
        var ticket = await access.FindAsync(number, caller, ct) ?? throw new NotFoundException($"Ticket #{number}");
        if (request.Internal && !caller.IsStaff) throw new ForbiddenException("Customers cannot write internal notes.");
        var errors = new Errors();
        var body = TicketFields.Body(request.Body, errors);
        var bodyHtml = TicketFields.BodyHtml(request.BodyHtml, errors);
        if (errors.Any) throw new ValidationFailedException(errors);

        TicketMessage message;
        try
        {
            message = await inbox.AppendAsync(
                ticket, new InboundMessage(caller.PersonId, channel, body!, bodyHtml, null, [], request.Internal), caller.IsStaff, clock.GetUtcNow(), ct);
        }
        catch (TicketRuleException e)
        {
            throw new ConflictException(e.Message);
        }
        if (caller.IsStaff && !request.Internal && request.ReplyAll)
        {
            message.Cc = await db.Messages.Where(m => m.TicketId == ticket.Id && !m.IsInternal && m.Channel == Channel.Email && m.Delivery == null)
                .OrderByDescending(m => m.Id).Select(m => m.Cc).FirstOrDefaultAsync(ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleException($"Ticket #{number} changed while your message was saved; nothing was stored. Send it again.");
        }
        var author = await db.People.Where(p => p.Id == caller.PersonId).Select(p => new PersonRef(p.Id, p.Name, p.Email)).FirstAsync(ct);
        return new MessageDto(message.Id, message.IsInternal, message.Channel, author, message.BodyText, message.BodyHtml, message.CreatedAt, message.Delivery);
    }

    public async Task<Page<MessageDto>> ListAsync(long number, Caller caller, int? limit, string? cursor, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(number, caller, ct)) throw new NotFoundException($"Ticket #{number}");
        var errors = new Errors();
        var take = Paging.Limit(limit ?? Paging.MaxLimit, errors);
        Cursor after = default;
        if (cursor is not null && !Cursor.TryDecode(cursor, out after)) errors.Add("cursor", "cursor is not one this server gave out.");
        if (errors.Any) throw new ValidationFailedException(errors);

        var messages = db.Messages.AsNoTracking().Where(m => m.TicketId == number && m.Id > after.Id);
        if (!caller.IsStaff) messages = messages.Where(m => !m.IsInternal);
        var staff = caller.IsStaff;
        var rows = await (
            from m in messages.OrderBy(m => m.Id).Take(take + 1)
            from a in db.People.Where(p => p.Id == m.AuthorId).DefaultIfEmpty()
            orderby m.Id
            select new MessageDto(m.Id, m.IsInternal, m.Channel, a == null ? null : new PersonRef(a.Id, a.Name, a.Email), m.BodyText, m.BodyHtml, m.CreatedAt,
                staff ? m.Delivery : null, staff ? m.DeliveryDetail : null))
            .ToListAsync(ct);
        var next = rows.Count > take ? new Cursor(rows[take - 1].Id, rows[take - 1].Id).Encode() : null;
        return new Page<MessageDto>(rows.Take(take).ToList(), next);
    }
}
