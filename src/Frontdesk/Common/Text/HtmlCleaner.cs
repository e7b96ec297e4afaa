using Ganss.Xss;

namespace Frontdesk.Common.Text;

/// <summary>Sanitizes HTML from outside: no scripts, no event handlers, no remote images.</summary>
public sealed class HtmlCleaner
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
}
