using Ganss.Xss;

namespace Frontdesk.Common.Text;

/// <summary>Sanitizes HTML from outside: no scripts, no event handlers, no remote images.</summary>
internal sealed class HtmlCleaner
{
    private readonly HtmlSanitizer _sanitizer;

    public HtmlCleaner()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedSchemes.Add("cid");
        _sanitizer.AllowedTags.Remove("form");
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedCssProperties.Clear();
        // Remote images track the reader and leak that a mail was opened: keep only inline (cid:) ones.
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "IMG" } img)
            {
                var src = img.GetAttribute("src") ?? "";
                if (!src.StartsWith("cid:", StringComparison.OrdinalIgnoreCase)) img.RemoveAttribute("src");
            }
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
                a.SetAttribute("target", "_blank");
            }
        };
    }

    public string Clean(string html) => _sanitizer.Sanitize(html);

    /// <summary>
    /// Cleans, then points the inline <c>cid:</c> images at <paramref name="inlineImages"/> (a
    /// Content-ID without angle brackets to its URL) on the same parsed document, so nothing in
    /// an attribute or text can be made to look like a source; an image whose part is missing
    /// loses its source rather than pointing anywhere else.
    /// </summary>
    public string Clean(string html, IReadOnlyDictionary<string, string> inlineImages)
    {
        var body = _sanitizer.SanitizeDom(html).Body!;
        foreach (var image in body.QuerySelectorAll("img[src]"))
        {
            var source = image.GetAttribute("src")!;
            if (!source.StartsWith("cid:", StringComparison.OrdinalIgnoreCase)) continue;
            var id = Uri.UnescapeDataString(source[4..]).Trim('<', '>');
            if (inlineImages.TryGetValue(id, out var url)) image.SetAttribute("src", url);
            else image.RemoveAttribute("src");
        }
        return body.InnerHtml;
    }
}
