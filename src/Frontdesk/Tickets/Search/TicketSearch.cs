using System.Text.RegularExpressions;
using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Tickets.Search;

/// <summary>
/// Full-text search over ticket subjects and messages: FTS5 on SQLite, tsvector + GIN on PostgreSQL.
/// Returns a composable query of matching ticket numbers, so callers add their own permission filter.
/// </summary>
public interface ITicketSearch
{
    /// <summary>Tickets whose subject or messages contain every word of <paramref name="text"/>.
    /// Internal notes count only when <paramref name="includeInternal"/> is true.</summary>
    IQueryable<long> MatchingTicketIds(string text, bool includeInternal);
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
        WordPattern().Matches(text).Select(m => m.Value.Length > 64 ? m.Value[..64] : m.Value).Take(16).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex WordPattern();
}

internal sealed class SqliteTicketSearch(Common.Data.FrontdeskDbContext db) : ITicketSearch
{
    public IQueryable<long> MatchingTicketIds(string text, bool includeInternal)
    {
        var words = SearchTerms.Words(text);
        if (words.Count == 0) return db.Tickets.Where(_ => false).Select(t => t.Id);
        // Each word quoted: FTS5 syntax in user input can never break the query. Last word matches as a prefix.
        var match = string.Join(' ', words.Select((w, i) => i == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));
        var hits = includeInternal
            ? db.Set<SearchHit>().FromSql($"SELECT d.\"TicketId\" FROM \"SearchFts\" f JOIN \"SearchDocuments\" d ON d.\"Id\" = f.rowid WHERE \"SearchFts\" MATCH {match}")
            : db.Set<SearchHit>().FromSql($"SELECT d.\"TicketId\" FROM \"SearchFts\" f JOIN \"SearchDocuments\" d ON d.\"Id\" = f.rowid WHERE \"SearchFts\" MATCH {match} AND d.\"IsInternal\" = 0");
        return hits.Select(h => h.TicketId);
    }
}

internal sealed class PostgresTicketSearch(Common.Data.FrontdeskDbContext db) : ITicketSearch
{
    public IQueryable<long> MatchingTicketIds(string text, bool includeInternal)
    {
        var words = SearchTerms.Words(text);
        if (words.Count == 0) return db.Tickets.Where(_ => false).Select(t => t.Id);
        var last = words.Count - 1;
        var query = string.Join(" & ", words.Select((w, i) => i == last ? $"'{w}':*" : $"'{w}'"));
        var hits = includeInternal
            ? db.Set<SearchHit>().FromSql($"SELECT \"TicketId\" FROM \"SearchDocuments\" WHERE \"SearchVector\" @@ to_tsquery('english', {query})")
            : db.Set<SearchHit>().FromSql($"SELECT \"TicketId\" FROM \"SearchDocuments\" WHERE \"SearchVector\" @@ to_tsquery('english', {query}) AND NOT \"IsInternal\"");
        return hits.Select(h => h.TicketId);
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
