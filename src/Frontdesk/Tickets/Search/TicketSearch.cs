using System.Text.RegularExpressions;
using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.Search;

/// <summary>
/// Full-text search over ticket subjects and messages: FTS5 on SQLite, tsvector + GIN on PostgreSQL.
/// It narrows a query of tickets the caller may see, so the permission filter is never left out.
/// </summary>
public interface ITicketSearch
{
    /// <summary>The <paramref name="tickets"/> whose subject or messages contain every word of <paramref name="text"/>.
    /// Internal notes count only when <paramref name="includeInternal"/> is true.</summary>
    Task<IQueryable<Ticket>> FilterAsync(IQueryable<Ticket> tickets, string text, bool includeInternal, CancellationToken ct);
}

/// <summary>A row of a raw search query; not a table.</summary>
public sealed class SearchHit
{
    public long TicketId { get; set; }
}

internal static partial class SearchTerms
{
    /// <summary>The words of a query, at most 16, each at most 64 characters; operators and punctuation dropped.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => Common.Text.Clip.To(m.Value, 64)).Take(16).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex WordPattern();
}

internal sealed class SqliteTicketSearch(Common.Data.FrontdeskDbContext db) : ITicketSearch
{
    /// <summary>From this many matching documents on, a search walks the tickets instead of the matches.</summary>
    internal int ManyMatches { get; init; } = 5000;

    public async Task<IQueryable<Ticket>> FilterAsync(IQueryable<Ticket> tickets, string text, bool includeInternal, CancellationToken ct)
    {
        var words = SearchTerms.Words(text);
        if (words.Count == 0) return tickets.Where(_ => false);
        // Each word quoted: FTS5 syntax in user input can never break the query. Last word matches as a prefix.
        var match = string.Join(' ', words.Select((w, i) => i == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));
        var rows = db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"SearchFts\" WHERE \"SearchFts\" MATCH {match}");
        var documents = includeInternal ? db.SearchDocuments.Where(d => rows.Contains(d.Id)) : db.SearchDocuments.Where(d => rows.Contains(d.Id) && !d.IsInternal);
        // A rare word: start from its few matches and sort them. A common word (a third of a million
        // tickets say "printer"): sorting every match costs hundreds of milliseconds, so walk the
        // tickets in the order asked for and stop when the page is full, checking each against the
        // matches (kept in a temporary index once). Counting up to the threshold is cheap.
        var count = await db.Database
            .SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM (SELECT 1 FROM \"SearchFts\" WHERE \"SearchFts\" MATCH {match} LIMIT {ManyMatches})")
            .SingleAsync(ct);
        return count >= ManyMatches
            ? tickets.Where(t => documents.Any(d => d.TicketId == t.Id))
            : tickets.Where(t => documents.Select(d => d.TicketId).Contains(t.Id));
    }
}

internal sealed class PostgresTicketSearch(Common.Data.FrontdeskDbContext db) : ITicketSearch
{
    public Task<IQueryable<Ticket>> FilterAsync(IQueryable<Ticket> tickets, string text, bool includeInternal, CancellationToken ct)
    {
        var words = SearchTerms.Words(text);
        if (words.Count == 0) return Task.FromResult(tickets.Where(_ => false));
        var last = words.Count - 1;
        var query = string.Join(" & ", words.Select((w, i) => i == last ? $"'{w}':*" : $"'{w}'"));
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
