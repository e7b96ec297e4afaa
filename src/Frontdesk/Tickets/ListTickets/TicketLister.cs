using Frontdesk.Database;
using System.Globalization;
using Frontdesk.Common.Data;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Directory.Domain;
using Frontdesk.Tickets.Domain;
using Frontdesk.Tickets.Search;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.ListTickets;

/// <summary>The ticket list: filters, text search and keyset pagination over (updated, number).</summary>
internal sealed class TicketLister(FrontdeskDbContext db, TicketAccess access, TicketReader reader, ITicketSearch search, TicketCatalog catalog)
{
    public async Task<(Page<TicketDto>? Page, Errors Errors)> ListAsync(TicketQuery query, Caller caller, CancellationToken ct)
    {
        var errors = new Errors();
        var limit = Paging.Limit(query.Limit, errors);
        var order = Order(query, errors);
        Cursor cursor = default;
        if (query.Cursor is not null && (!Cursor.TryDecode(query.Cursor, out cursor)
            || (order is TicketOrder.RecentlyUpdatedFirst or TicketOrder.LeastRecentlyUpdatedFirst && !UtcMicrosecondsConverter.IsInRange(cursor.Key))))
        {
            errors.Add("cursor", "cursor is not one this server gave out; start again without it.");
        }

        var tickets = (await access.VisibleTicketsAsync(caller, ct)).AsNoTracking();
        tickets = await FilterAsync(tickets, query, order ?? default, caller, errors, ct);
        if (errors.Any) return (null, errors);

        if (query.Cursor is not null) tickets = After(tickets, cursor, order!.Value);
        var ordered = order switch
        {
            TicketOrder.RecentlyUpdatedFirst => tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
            TicketOrder.LeastRecentlyUpdatedFirst => tickets.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
            TicketOrder.NewestFirst => tickets.OrderByDescending(t => t.Id),
            TicketOrder.MostUrgentFirst => tickets.OrderBy(t => t.Priority).ThenBy(t => t.Id),
            _ => tickets.OrderBy(t => t.Id),
        };
        var keys = await ordered.Select(t => new { t.Id, t.UpdatedAt, t.Priority }).Take(limit + 1).ToListAsync(ct);
        var page = keys.Take(limit).ToList();
        string? next = null;
        if (keys.Count > limit)
        {
            var last = page[^1];
            var key = order switch
            {
                TicketOrder.RecentlyUpdatedFirst or TicketOrder.LeastRecentlyUpdatedFirst => UtcMicrosecondsConverter.ToMicroseconds(last.UpdatedAt),
                TicketOrder.MostUrgentFirst => (long)last.Priority,
                _ => last.Id,
            };
            next = new Cursor(key, last.Id).Encode();
        }
        var items = await reader.LoadAsync(page.Select(k => k.Id).ToList(), caller, ct);
        return (new Page<TicketDto>(items, next), errors);
    }

    /// <summary>How many tickets the filters find for the caller (the sort, page size and cursor play no part).</summary>
    public async Task<(int? Count, Errors Errors)> CountAsync(TicketQuery query, Caller caller, CancellationToken ct)
    {
        var errors = new Errors();
        var tickets = (await access.VisibleTicketsAsync(caller, ct)).AsNoTracking();
        tickets = await FilterAsync(tickets, query, TicketOrder.RecentlyUpdatedFirst, caller, errors, ct);
        if (errors.Any) return (null, errors);
        return (await tickets.CountAsync(ct), errors);
    }

    private static TicketOrder? Order(TicketQuery query, Errors errors)
    {
        TicketOrder? order = (query.Sort ?? "-updated") switch
        {
            "-updated" => TicketOrder.RecentlyUpdatedFirst,
            "updated" => TicketOrder.LeastRecentlyUpdatedFirst,
            "-created" => TicketOrder.NewestFirst,
            "created" => TicketOrder.OldestFirst,
            "priority" => TicketOrder.MostUrgentFirst,
            _ => null,
        };
        if (order is null) errors.Add("sort", "sort must be one of: -updated, updated, -created, created, priority.");
        return order;
    }

    private static IQueryable<Ticket> After(IQueryable<Ticket> tickets, Cursor cursor, TicketOrder order)
    {
        var priority = (Priority)cursor.Key;
        return order switch
        {
            TicketOrder.RecentlyUpdatedFirst => AfterUpdated(tickets, cursor, descending: true),
            TicketOrder.LeastRecentlyUpdatedFirst => AfterUpdated(tickets, cursor, descending: false),
            TicketOrder.NewestFirst => tickets.Where(t => t.Id < cursor.Id),
            TicketOrder.MostUrgentFirst => tickets.Where(t => t.Priority > priority || (t.Priority == priority && t.Id > cursor.Id)),
            _ => tickets.Where(t => t.Id > cursor.Id),
        };
    }

    private static IQueryable<Ticket> AfterUpdated(IQueryable<Ticket> tickets, Cursor cursor, bool descending)
    {
        var at = UtcMicrosecondsConverter.FromMicroseconds(cursor.Key);
        return descending
            ? tickets.Where(t => t.UpdatedAt < at || (t.UpdatedAt == at && t.Id < cursor.Id))
            : tickets.Where(t => t.UpdatedAt > at || (t.UpdatedAt == at && t.Id > cursor.Id));
    }

    private async Task<IQueryable<Ticket>> FilterAsync(IQueryable<Ticket> tickets, TicketQuery query, TicketOrder order, Caller caller, Errors errors, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            // A category ("open") takes every status in it; a status name ("waiting for vendor") just that one.
            var reference = await catalog.GetAsync(db, ct);
            var categories = new List<StatusCategory>();
            var statuses = new List<int>();
            foreach (var word in Split(query.Status))
            {
                switch (reference.FilterWord(word))
                {
                    case ({ } category, _): categories.Add(category); break;
                    case (_, { } status): statuses.Add(status.Id); break;
                    default: errors.Add("status", $"There is no status '{Clip.To(word, 100)}'. Use a status name or id: {reference.StatusWords()}."); break;
                }
            }
            tickets = (categories.Count, statuses.Count) switch
            {
                (1, 0) => tickets.Where(t => t.StatusCategory == categories[0]),
                (_, 0) => tickets.Where(t => categories.Contains(t.StatusCategory)),
                _ => tickets.Where(t => categories.Contains(t.StatusCategory) || statuses.Contains(t.StatusId)),
            };
        }
        if (!string.IsNullOrWhiteSpace(query.Priority))
        {
            var priorities = Split(query.Priority).Select(s => errors.Enum<Priority>("priority", s)).OfType<Priority>().ToList();
            tickets = tickets.Where(t => priorities.Contains(t.Priority));
        }
        if (query.Team == "mine")
        {
            var mine = db.TeamMembers.Where(m => m.PersonId == caller.PersonId).Select(m => (long?)m.TeamId);
            tickets = tickets.Where(t => mine.Contains(t.TeamId));
        }
        else if (!string.IsNullOrWhiteSpace(query.Team))
        {
            var teamId = long.TryParse(query.Team, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : await db.Teams.Where(t => t.Name == query.Team).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
            if (teamId is not null) tickets = tickets.Where(t => t.TeamId == teamId);
            else if (caller.IsStaff) errors.Add("team", $"There is no team '{Clip.To(query.Team, 100)}'.");
            else tickets = tickets.Where(_ => false);
        }
        if (!string.IsNullOrWhiteSpace(query.Assignee))
        {
            if (query.Assignee == "none") tickets = tickets.Where(t => t.AssigneeId == null);
            else
            {
                var person = await PersonIdAsync(query.Assignee, caller, ct);
                if (person is not null) tickets = tickets.Where(t => t.AssigneeId == person);
                else if (caller.IsStaff) errors.Add("assignee", $"There is no person '{Clip.To(query.Assignee, 100)}'. Use an id, an e-mail, 'me' or 'none'.");
                else tickets = tickets.Where(_ => false); // a customer learns nothing about who exists
            }
        }
        if (!string.IsNullOrWhiteSpace(query.Requester))
        {
            var person = await PersonIdAsync(query.Requester, caller, ct);
            if (person is not null) tickets = tickets.Where(t => t.RequesterId == person);
            else if (caller.IsStaff) errors.Add("requester", $"There is no person '{Clip.To(query.Requester, 100)}'. Use an id, an e-mail or 'me'.");
            else tickets = tickets.Where(_ => false);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            if (query.Q.Length > 500) errors.Add("q", "q is limited to 500 characters.");
            else
            {
                tickets = await search.FilterAsync(tickets, query.Q, includeInternal: caller.IsStaff, order, ct);
            }
        }
        return tickets;
    }

    private async Task<long?> PersonIdAsync(string value, Caller caller, CancellationToken ct)
    {
        if (value == "me") return caller.PersonId;
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return id;
        var email = Person.NormalizeEmail(value);
        return await db.People.Where(p => p.Email == email).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
    }

    private static string[] Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
