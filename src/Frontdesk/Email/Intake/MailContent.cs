using AngleSharp.Html.Parser;
using Frontdesk.Common.Blobs;
using Frontdesk.Common.Text;
using Frontdesk.Tickets.Inbox;
using MimeKit;
using MimeKit.Tnef;

namespace Frontdesk.Email.Intake;

/// <summary>The text, HTML and files of a mail, with the files already in the blob store.</summary>
internal sealed record MailContent(string Text, string? Html, IReadOnlyList<InboundFile> Files)
{
    private const int MaxFiles = 100;

    public static async Task<MailContent> ReadAsync(MimeMessage message, IBlobStore blobs, long maxBytes, CancellationToken ct)
    {
        var html = message.HtmlBody;
        var text = message.TextBody ?? (html is null ? "" : HtmlToText(html));
        var files = new List<InboundFile>();
        foreach (var entity in message.BodyParts)
        {
            if (files.Count >= MaxFiles) break;
            switch (entity)
            {
                case TnefPart tnef:
                    // Outlook's winmail.dat: the files are inside it (often none: rich text only). One
                    // that cannot be read at all is kept as it came, like any other attachment.
                    if (Unpack(tnef) is not { } inside)
                    {
                        files.Add(await StoreAsync(tnef, tnef.FileName ?? "winmail.dat", inline: false, blobs, maxBytes, ct));
                        break;
                    }
                    foreach (var inner in inside.Take(MaxFiles - files.Count))
                    {
                        files.Add(await StoreAsync(inner, inner.FileName, inline: false, blobs, maxBytes, ct));
                    }
                    break;
                case MessagePart forwarded:
                    files.Add(await StoreMessageAsync(forwarded, blobs, maxBytes, ct));
                    break;
                case TextPart body when !body.IsAttachment:
                    break; // the text or HTML body, read above
                case MimePart part:
                    files.Add(await StoreAsync(part, part.FileName, inline: !part.IsAttachment, blobs, maxBytes, ct));
                    break;
            }
        }
        return new MailContent(text.Trim(), html, files);
    }

    /// <summary>The named files inside a TNEF part; null when it cannot be read.</summary>
    private static List<MimePart>? Unpack(TnefPart tnef)
    {
        try
        {
            return tnef.ExtractAttachments().OfType<MimePart>().Where(p => p.FileName is not null).ToList();
        }
        catch (Exception e) when (e is InvalidOperationException or TnefException or IOException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    public static string HtmlToText(string html)
    {
        // The text kept is capped anyway (Limits.Body): parse no more than a bounded start of the HTML.
        var document = new HtmlParser().ParseDocument(Clip.To(html, 1_000_000));
        foreach (var hidden in document.QuerySelectorAll("script, style, head")) hidden.Remove();
        return document.Body?.TextContent ?? "";
    }

    private static async Task<InboundFile> StoreAsync(MimePart part, string? name, bool inline, IBlobStore blobs, long maxBytes, CancellationToken ct)
    {
        // Decoded on the way into the blob store, never held in memory whole.
        using var decoded = part.Content?.Open() ?? Stream.Null;
        var blob = await blobs.PutAsync(decoded, maxBytes, ct);
        var fallback = inline ? "inline-" + (part.ContentId ?? "image") : "attachment";
        return new InboundFile(name ?? fallback, part.ContentType.MimeType, blob.Sha256, blob.Size, inline, part.ContentId);
    }

    private static async Task<InboundFile> StoreMessageAsync(MessagePart part, IBlobStore blobs, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (part.Message is not null) await part.Message.WriteToAsync(buffer, ct);
        buffer.Position = 0;
        var blob = await blobs.PutAsync(buffer, maxBytes, ct);
        var name = part.ContentDisposition?.FileName ?? ((part.Message?.Subject is { Length: > 0 } s ? s : "forwarded message") + ".eml");
        return new InboundFile(name, "message/rfc822", blob.Sha256, blob.Size, false);
    }
}
