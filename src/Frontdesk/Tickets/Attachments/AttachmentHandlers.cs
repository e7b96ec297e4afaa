using Frontdesk.Database;
using Frontdesk.Common.Blobs;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Frontdesk.Tickets.Attachments;

/// <param name="ContentId">For an image shown inside a mail's HTML: the Content-ID its <c>cid:</c> links name.</param>
internal sealed record AttachmentDto(long Id, string FileName, string ContentType, long Size, bool Internal, long? MessageId, DateTimeOffset CreatedAt, string? ContentId = null);

/// <summary>Files on tickets: size-limited on the way in, served so the browser never runs them.</summary>
internal sealed class AttachmentHandlers(FrontdeskDbContext db, TicketAccess access, IBlobStore blobs, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    /// <summary>Types a browser may show inline; everything else is a download.</summary>
    private static readonly HashSet<string> InlineImages = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/gif", "image/webp",
    };

    public async Task<AttachmentDto> UploadAsync(long number, string? fileName, string? contentType, Stream content, bool isInternal, Caller caller, CancellationToken ct)
    {
        var ticket = await access.FindAsync(number, caller, ct) ?? throw new NotFoundException($"Ticket #{number}");
        if (isInternal && !caller.IsStaff) throw new ForbiddenException("Customers cannot add internal attachments.");
        // Refused before the file is stored; the ticket's own rule (below) says the same.
        if (ticket.StatusCategory == StatusCategory.Closed) throw new ConflictException("This ticket is closed. Open a follow-up ticket instead.");
        StoredBlob blob;
        try
        {
            blob = await blobs.PutAsync(content, options.Value.MaxBytes, ct);
        }
        catch (BlobTooLargeException e)
        {
            throw ValidationFailedException.For("file", $"{e.Message} Send a smaller file or share a link instead.");
        }
        var now = clock.GetUtcNow();
        var attachment = new Attachment
        {
            TicketId = number,
            FileName = SafeFileName(fileName),
            ContentType = SafeContentType(contentType),
            Size = blob.Size,
            Sha256 = blob.Sha256,
            IsInternal = isInternal,
            UploadedById = caller.PersonId,
            CreatedAt = now,
        };
        try
        {
            ticket.AttachmentAdded(attachment, now);
        }
        catch (TicketRuleException e)
        {
            throw new ConflictException(e.Message);
        }
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return ToDto(attachment);
    }

    public async Task<IReadOnlyList<AttachmentDto>> ListAsync(long number, Caller caller, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(number, caller, ct)) throw new NotFoundException($"Ticket #{number}");
        var query = db.Attachments.AsNoTracking().Where(a => a.TicketId == number);
        if (!caller.IsStaff) query = query.Where(a => !a.IsInternal);
        return (await query.OrderBy(a => a.Id).ToListAsync(ct)).Select(ToDto).ToList();
    }

    /// <summary>The file and how to serve it; internal files and other people's tickets are "not found" for customers.</summary>
    public async Task<(Attachment Attachment, Stream Content, bool Inline)> OpenAsync(long number, long id, Caller caller, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(number, caller, ct)) throw new NotFoundException($"Ticket #{number}");
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.TicketId == number, ct);
        if (attachment is null || (attachment.IsInternal && !caller.IsStaff)) throw new NotFoundException($"Attachment {id}");
        var stream = blobs.OpenRead(attachment.Sha256) ?? throw new NotFoundException($"The content of attachment {id}");
        return (attachment, stream, InlineImages.Contains(attachment.ContentType));
    }

    private static AttachmentDto ToDto(Attachment a) =>
        new(a.Id, a.FileName, a.ContentType, a.Size, a.IsInternal, a.MessageId, a.CreatedAt, a.ContentId);

    internal static string SafeFileName(string? name)
    {
        var cleaned = Path.GetFileName((name ?? "").Replace('\\', '/'));
        // Bidirectional controls make "invoice\u202Efdp.exe" read as "invoiceexe.pdf": they go with the control characters.
        cleaned = new string(cleaned.Where(c => !char.IsControl(c) && !UnsafeText.IsBidiControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim().TrimStart('.');
        if (cleaned.Length > Limits.FileName) cleaned = cleaned[..Limits.FileName];
        return cleaned.Length == 0 ? "attachment" : cleaned;
    }

    internal static string SafeContentType(string? type) =>
        type is not null && type.Length <= 127 && type.Count(c => c == '/') == 1 && type.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '-')
            ? type.ToLowerInvariant()
            : "application/octet-stream";
}
