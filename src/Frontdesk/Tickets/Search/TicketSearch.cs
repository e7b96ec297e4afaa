using System.Text.RegularExpressions;
using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.Search;

/// <summary>
/// Full-text search over ticket subjects and messages: FTS5 on SQLite, tsvector + GIN on PostgreSQL.
/// It narrows a query of tickets the caller may see, so the permission filter is never left out.
/// </summary>
internal interface ITicketSearch
{
    /// <summary>The <paramref name="tickets"/> whose subject or messages contain every word of <paramref name="text"/>.
    /// Internal notes count only when <paramref name="includeInternal"/> is true. <paramref name="order"/>
    /// is the order the caller will read the result in, which lets a search plan for the first page.</summary>
    Task<IQueryable<Ticket>> FilterAsync(IQueryable<Ticket> tickets, string text, bool includeInternal, TicketOrder order, CancellationToken ct);
}

/// <summary>The orders a ticket list can be read in (<c>sort</c>: -updated, updated, -created, created).</summary>
internal enum TicketOrder { RecentlyUpdatedFirst, LeastRecentlyUpdatedFirst, NewestFirst, OldestFirst, MostUrgentFirst }

/// <summary>A row of a raw search query; not a table.</summary>
internal sealed class SearchHit
{
    public long TicketId { get; set; }
}

/// <summary>A word of a search. Words match their stemmed forms ("printers" finds "printer");
/// a word written with a trailing <c>*</c> also matches as a prefix ("print*" finds "printer").</summary>
internal readonly record struct SearchWord(string Text, bool Prefix);

internal static partial class SearchTerms
{
    /// <summary>A prefix shorter than this matches too many words to be useful; its <c>*</c> is ignored.</summary>
    public const int ShortestPrefix = 3;

    /// <summary>The words of a query, at most 16, each at most 64 characters; operators and punctuation dropped.</summary>
    public static IReadOnlyList<SearchWord> Words(string text) =>
        WordPattern().Matches(text)
            .Select(m => m.Groups["word"].Value is var word && m.Groups["star"].Success && word.Length >= ShortestPrefix
                ? new SearchWord(Common.Text.Clip.To(word, 64), true)
                : new SearchWord(Common.Text.Clip.To(word, 64), false))
            .Take(16).ToList();

    [GeneratedRegex(@"(?<word>[\p{L}\p{N}]+)(?<star>\*)?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex WordPattern();
}

/// <summary>
/// FTS5 search. How to find the first page depends on how many documents match, because FTS5
/// answers two questions at very different prices: "which documents match" costs time for every
/// match, "does this document match" is one index probe.
/// <list type="bullet">
/// <item>Few matches (under <see cref="FewMatches"/>, or under <see cref="ManyMatches"/> when the
/// next plan does not apply): start from the matches and sort them.</item>
/// <item>Many matches, read newest first, and common among the newest documents: walk the tickets
/// in list order and ask of each of its documents whether it matches. The newest documents
/// (<see cref="RecentDocuments"/>) are looked up in a small set taken once; an older one is probed
/// when its ticket is among the first <see cref="Window"/> of the list (so probes stay bounded),
/// else looked up in the set of all matches. The page usually fills after a few dozen tickets,
/// before the large set is ever needed.</item>
/// <item>Otherwise walk the tickets in list order against the set of all matches. Building that set
/// costs about 0.3 µs per match (a third of a million for "printer" at 1M tickets: ~100 ms),
/// which is why it is the last resort.</item>
/// </list>
/// A prefix word (<c>print*</c>) makes every probe merge the doclists of all the words it covers
/// (milliseconds each), so queries with one never probe.
/// </summary>
internal sealed class SqliteTicketSearch(Database.FrontdeskDbContext db) : ITicketSearch
{
    /// <summary>Under this many matching documents a search starts from the matches: sorting them is cheap.</summary>
    internal int FewMatches { get; init; } = 1000;

    /// <summary>From this many matching documents on, a search walks the tickets instead of the matches.</summary>
    internal int ManyMatches { get; init; } = 5000;

    /// <summary>How many of the newest documents the probing walk checks against a set taken at once.</summary>
    internal int RecentDocuments { get; init; } = 50_000;

    /// <summary>How many of the <see cref="RecentDocuments"/> must match for the probing walk to be worth it.</summary>
    internal int RecentEnough { get; init; } = 100;

    /// <summary>How many tickets from the top of the list may probe their older documents.</summary>
    internal int Window { get; init; } = 2000;

    public async Task<IQueryable<Ticket>> FilterAsync(IQueryable<Ticket> tickets, string text, bool includeInternal, TicketOrder order, CancellationToken ct)
    {
        var words = SearchTerms.Words(text);
        if (words.Count == 0) return tickets.Where(_ => false);
        // Each word quoted: FTS5 syntax in user input can never break the query.
        var match = string.Join(' ', words.Select(w => w.Prefix ? $"\"{w.Text}\"*" : $"\"{w.Text}\""));
        var documents = includeInternal ? db.SearchDocuments : db.SearchDocuments.Where(d => !d.IsInternal);
        var shape = await db.Database.SqlQuery<MatchShape>($"""
            SELECT (SELECT count(*) FROM (SELECT 1 FROM "SearchFts" WHERE "SearchFts" MATCH {match} LIMIT {ManyMatches})) AS "Matches",
                   coalesce((SELECT max("Id") FROM "SearchDocuments"), 0) - {RecentDocuments} AS "RecentFrom",
                   (SELECT count(*) FROM (SELECT 1 FROM "SearchFts" WHERE "SearchFts" MATCH {match}
                      AND rowid > coalesce((SELECT max("Id") FROM "SearchDocuments"), 0) - {RecentDocuments} LIMIT {RecentEnough})) AS "Recent"
            """).SingleAsync(ct);

        var all = Rows(match);
        var probing = shape.Matches >= FewMatches && shape.Recent >= RecentEnough && !words.Any(w => w.Prefix)
            && order is TicketOrder.RecentlyUpdatedFirst or TicketOrder.NewestFirst;
        if (!probing)
        {
            if (shape.Matches < ManyMatches)
            {
                var matched = documents.Where(d => all.Contains(d.Id)).Select(d => d.TicketId);
                return tickets.Where(t => matched.Contains(t.Id));
            }
            return tickets.Where(t => documents.Any(d => d.TicketId == t.Id && all.Contains(d.Id)));
        }

        var from = shape.RecentFrom;
        var recent = db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"SearchFts\" WHERE \"SearchFts\" MATCH {match} AND rowid > {from}");
        // Written as a range, not "r == d.Id": EF turns an equality into "IN (subquery)", which SQLite
        // would build as one more set of all matches. A range stays a correlated EXISTS that FTS5
        // answers by seeking to that one row.
        var probe = Rows(match);
        // A document among the newest is looked up in the small set; an older one is probed when its
        // ticket is in the window, else looked up in the set of all matches, which SQLite builds on
        // first use only: a page that fills before that never pays for it.
        // The window: the first tickets of the list in the order asked for (SQLite builds this small set once).
        var window = (order == TicketOrder.NewestFirst
            ? tickets.OrderByDescending(t => t.Id)
            : tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id)).Select(t => t.Id).Take(Window);
        return tickets.Where(t => documents.Any(d => d.TicketId == t.Id
            && ((d.Id > from && recent.Contains(d.Id))
                || (d.Id <= from && (window.Contains(t.Id) ? probe.Any(r => r >= d.Id && r <= d.Id) : all.Contains(d.Id))))));
    }

    private IQueryable<long> Rows(string match) =>
        db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"SearchFts\" WHERE \"SearchFts\" MATCH {match}");

    private sealed record MatchShape(int Matches, long RecentFrom, int Recent);
}

internal sealed class PostgresTicketSearch(Database.FrontdeskDbContext db) : ITicketSearch
{
    public Task<IQueryable<Ticket>> FilterAsync(IQueryable<Ticket> tickets, string text, bool includeInternal, TicketOrder order, CancellationToken ct)
    {
        var words = SearchTerms.Words(text);
        if (words.Count == 0) return Task.FromResult(tickets.Where(_ => false));
        var query = string.Join(" & ", words.Select(w => w.Prefix ? $"'{w.Text}':*" : $"'{w.Text}'"));
        var hits = includeInternal
            ? db.Set<SearchHit>().FromSql($"SELECT \"TicketId\" FROM \"SearchDocuments\" WHERE \"SearchVector\" @@ to_tsquery('english', {query})")
            : db.Set<SearchHit>().FromSql($"SELECT \"TicketId\" FROM \"SearchDocuments\" WHERE \"SearchVector\" @@ to_tsquery('english', {query}) AND NOT \"IsInternal\"");
        var matches = hits.Select(h => h.TicketId);
        return Task.FromResult(tickets.Where(t => matches.Contains(t.Id)));
    }
}

/// <summary>Keeps <see cref="SearchDocument"/> rows in step with subjects and messages.</summary>
internal static class SearchIndex
{
    public static SearchDocument ForSubject(Ticket ticket) =>
        new() { Ticket = ticket, TicketId = ticket.Id, Text = ticket.Subject, IsInternal = false };

    public static SearchDocument ForMessage(TicketMessage message) =>
        new() { Ticket = message.Ticket, TicketId = message.TicketId, Message = message, Text = message.BodyText, IsInternal = message.IsInternal };
}
