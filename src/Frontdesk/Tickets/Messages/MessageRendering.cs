using Frontdesk.Common.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Frontdesk.Tickets.Messages;

/// <summary>
/// What a page shows of a message, worked out once per message, audience and node rather than on
/// every view: the text split from its quoted history, and its HTML (sanitized when stored, and
/// again here with today's rules) with inline images pointed at the message's files. A message's
/// body and files do not change after it is stored, so the message id is the key; staff and
/// customers get their own entries, as they may see different files. The cache is its own and
/// bounded in characters, so large mails cannot crowd out everything else.
/// </summary>
internal sealed class MessageRendering(HtmlCleaner html) : IDisposable
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000_000 });

    /// <param name="Fresh">What the sender wrote now.</param>
    /// <param name="Quoted">The quoted history below it, folded away on the page; null when there is none.</param>
    /// <param name="Html">The formatted mail, safe to show as markup; null when there is none.</param>
    public sealed record Rendered(string Fresh, string? Quoted, string? Html);

    /// <param name="inlineImages">Content-ID (without angle brackets) to the URL of the message's inline image, as the viewer may see them.</param>
    public Rendered Render(MessageDto message, IReadOnlyDictionary<string, string> inlineImages, bool forStaff) =>
        _cache.GetOrCreate((message.Id, forStaff), entry =>
        {
            var (fresh, quoted) = QuotedText.Split(message.Body);
            var formatted = message.BodyHtml is { Length: > 0 } source ? html.Clean(source, inlineImages) : null;
            entry.AbsoluteExpirationRelativeToNow = Keep;
            entry.Size = fresh.Length + (quoted?.Length ?? 0) + (formatted?.Length ?? 0) + 1;
            return new Rendered(fresh, quoted, formatted);
        })!;

    public void Dispose() => _cache.Dispose();
}
