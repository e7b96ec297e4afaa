using AngleSharp.Html.Parser;

namespace Frontdesk.Tickets.Messages;

/// <summary>
/// Points the <c>cid:</c> images of a mail's (already sanitized) HTML at the ticket's attachments,
/// so the agent sees the screenshot where the customer put it. An image whose part is missing
/// loses its source rather than pointing anywhere else. Works on the parsed document, never on
/// the text, so no attribute or text can be made to look like a source.
/// </summary>
public static class InlineImages
{
    private static readonly HtmlParser Parser = new();

    /// <param name="contentIds">Content-ID (without angle brackets) to the URL of the attachment that holds it.</param>
    public static string Link(string html, IReadOnlyDictionary<string, string> contentIds)
    {
        var document = Parser.ParseDocument($"<body>{html}</body>");
        var body = document.Body!;
        foreach (var image in body.QuerySelectorAll("img[src]"))
        {
            var source = image.GetAttribute("src")!;
            if (!source.StartsWith("cid:", StringComparison.OrdinalIgnoreCase)) continue;
            var id = Uri.UnescapeDataString(source[4..]).Trim('<', '>');
            if (contentIds.TryGetValue(id, out var url)) image.SetAttribute("src", url);
            else image.RemoveAttribute("src");
        }
        return body.InnerHtml;
    }
}
