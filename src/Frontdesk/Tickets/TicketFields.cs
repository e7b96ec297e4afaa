using Frontdesk.Database;
using System.Text.RegularExpressions;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Directory;

namespace Frontdesk.Tickets;

/// <summary>Shared checks for ticket fields given by people: lengths, tags, team and category look-ups.</summary>
internal static partial class TicketFields
{
    public const int MaxSubject = Limits.Subject;
    public const int MaxBody = Limits.Body;

    public static string? Subject(string? subject, Errors errors, bool required)
    {
        var value = subject?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required) errors.Add("subject", "subject is required: one line that says what is wrong or wanted.");
            return null;
        }
        if (value.Length > MaxSubject) errors.Add("subject", $"subject is limited to {MaxSubject} characters.");
        if (value.Any(char.IsControl)) errors.Add("subject", "subject must be one line without control characters.");
        return value;
    }

    public static string? Body(string? body, Errors errors, string field = "body")
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            errors.Add(field, $"{field} is required.");
            return null;
        }
        if (body.Length > MaxBody) errors.Add(field, $"{field} is limited to {MaxBody} characters.");
        if (body.Contains('\0', StringComparison.Ordinal)) errors.Add(field, $"{field} must not contain NUL characters.");
        return body.Trim();
    }

    /// <summary>Optional HTML of a message, refused when it is too large to sanitize quickly.</summary>
    public static string? BodyHtml(string? html, Errors errors, string field = "bodyHtml")
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        if (html.Length > Limits.BodyHtml) errors.Add(field, $"{field} is limited to {Limits.BodyHtml} characters.");
        else if (Limits.ElementsIn(html) > Limits.BodyHtmlElements) errors.Add(field, $"{field} is limited to {Limits.BodyHtmlElements} elements.");
        return html;
    }

    /// <summary>An optional short text (a name, a reason) with its limit.</summary>
    public static string? Text(string? value, int max, Errors errors, string field)
    {
        if (value is null) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > max) errors.Add(field, $"{field} is limited to {max} characters.");
        if (trimmed.Any(char.IsControl)) errors.Add(field, $"{field} must be one line without control characters.");
        return trimmed.Length == 0 ? null : trimmed;
    }

    public static List<string> Tags(IReadOnlyList<string>? tags, Errors errors)
    {
        if (tags is null) return [];
        var result = new List<string>();
        foreach (var raw in tags)
        {
            var tag = raw?.Trim().ToLowerInvariant() ?? "";
            if (!TagPattern().IsMatch(tag)) errors.Add("tags", $"'{raw}' is not a tag: use 1-50 lower-case letters, digits, '-' or '_'.");
            else result.Add(tag);
        }
        if (result.Count > 20) errors.Add("tags", "At most 20 tags.");
        return result.Distinct().ToList();
    }

    public static async Task<(long? Id, string? Name)> TeamAsync(DirectoryNames names, FrontdeskDbContext db, string? team, Errors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(team)) return (null, null);
        var found = await names.FindTeamAsync(db, team, ct);
        if (found is null) errors.Add("team", $"There is no team '{team}'.");
        return (found?.Id, found?.Name);
    }

    public static async Task<(long? Id, string? Name)> CategoryAsync(TicketCatalog catalog, FrontdeskDbContext db, string? category, Errors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(category)) return (null, null);
        var found = await catalog.FindCategoryAsync(db, category, ct);
        if (found is null) errors.Add("category", $"There is no category '{category}'.");
        return (found?.Id, found?.Name);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
