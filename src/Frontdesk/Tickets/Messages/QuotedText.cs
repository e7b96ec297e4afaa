using System.Text.RegularExpressions;

namespace Frontdesk.Tickets.Messages;

/// <summary>
/// Splits a mail's text into what the sender wrote now and the quoted history below it, so the
/// agent view can fold the history away. Nothing is removed: the history is shown on request.
/// </summary>
internal static partial class QuotedText
{
    public static (string Fresh, string? Quoted) Split(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        // One pass from the end: onlyQuotesFrom[i] says whether every line from i on is blank or
        // quoted, so the scan below stays linear however long the quoted history is.
        var onlyQuotesFrom = new bool[lines.Length + 1];
        onlyQuotesFrom[lines.Length] = true;
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            var rest = lines[i].AsSpan().TrimStart();
            onlyQuotesFrom[i] = onlyQuotesFrom[i + 1] && (rest.IsWhiteSpace() || rest[0] == '>');
        }
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var startsHistory = (line.StartsWith('>') && onlyQuotesFrom[i])
                || Attribution().IsMatch(line) || OutlookSeparator().IsMatch(line);
            if (!startsHistory) continue;
            // An attribution line wrapped onto the line above a quote belongs to the history too.
            if (Attribution().IsMatch(lines[i - 1].Trim())) i--;
            var fresh = string.Join('\n', lines[..i]).TrimEnd();
            if (fresh.Length == 0) return (body, null);
            return (fresh, string.Join('\n', lines[i..]).Trim());
        }
        return (body, null);
    }

    // "On Mon, 3 Nov 2026 at 09:12, Ana <ana@example.com> wrote:", "Am 03.11.2026 um 09:12 schrieb Ana:", "Le ... a écrit :"
    [GeneratedRegex(@"^(On\s.{4,200}\swrote:|Am\s.{4,200}\sschrieb.{0,100}:|Le\s.{4,200}\sa\sécrit\s?:)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Attribution();

    // Outlook: "-----Original Message-----", "________________________________" then "From: ..."
    [GeneratedRegex(@"^(-{2,}\s?(Original Message|Ursprüngliche Nachricht|Message d'origine)\s?-{2,}|_{20,})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex OutlookSeparator();
}
