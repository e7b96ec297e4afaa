using System.Net;
using System.Text.RegularExpressions;

namespace Frontdesk.Tickets.Messages;

/// <summary>
/// Points the <c>cid:</c> images of a mail's (already sanitized) HTML at the ticket's attachments,
/// so the agent sees the screenshot where the customer put it. An image whose part is missing
/// loses its source rather than pointing anywhere else.
/// </summary>
public static partial class InlineImages
{
    /// <param name="contentIds">Content-ID (without angle brackets) to the URL of the attachment that holds it.</param>
    public static string Link(string html, IReadOnlyDictionary<string, string> contentIds) =>
        CidSource().Replace(html, match =>
        {
            var id = Uri.UnescapeDataString(WebUtility.HtmlDecode(match.Groups["id"].Value)).Trim('<', '>');
            return contentIds.TryGetValue(id, out var url) ? $"src=\"{WebUtility.HtmlEncode(url)}\"" : "";
        });

    [GeneratedRegex("""src="cid:(?<id>[^"]*)"|src='cid:(?<id>[^']*)'""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex CidSource();
}
