using Frontdesk.Database;
using Frontdesk.Common.Http;
using Frontdesk.Directory;
using Frontdesk.Email.Domain;
using Frontdesk.Email.Intake;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Email.Mailboxes;

/// <summary>
/// What an admin does with mailboxes: add, list, test, look after quarantined mail, block senders. The API and
/// the admin pages both call this; a refusal is a <see cref="RequestRejectedException"/>.
/// </summary>
internal sealed class MailboxAdmin(
    FrontdeskDbContext db, DirectoryNames names, MailConnections connections, MailboxPoller poller, MailboxCatalog catalog,
    ConnectionTester tester, MailIntake intake, TimeProvider clock)
{
    /// <summary>The longest quarantine list shown; older entries stay stored.</summary>
    public const int QuarantineShown = 200;

    /// <summary>Adds a mailbox and wakes the poller, so it is read at once.</summary>
    public async Task<MailboxDto> CreateAsync(CreateMailboxRequest request, CancellationToken ct)
    {
        var (mailbox, errors) = await MailboxValidation.ValidateAsync(request, db, names, connections, ct);
        if (mailbox is null) throw new ValidationFailedException(errors);
        if (await db.Mailboxes.AnyAsync(m => m.Address == mailbox.Address, ct)) throw new ConflictException($"The mailbox {mailbox.Address} exists already.");
        mailbox.CreatedAt = clock.GetUtcNow();
        db.Mailboxes.Add(mailbox);
        await db.SaveChangesAsync(ct);
        catalog.Evict();
        poller.Wake();
        return ToDto(mailbox);
    }

    /// <summary>
    /// Changes a mailbox; what is left out stays. Pointing it at another account or folder starts
    /// reading that folder from its first mail (mail already on tickets is known by its Message-ID).
    /// </summary>
    public async Task<MailboxDto> UpdateAsync(long id, UpdateMailboxRequest r, CancellationToken ct)
    {
        var current = await db.Mailboxes.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException($"Mailbox {id}");
        const string Kept = "(kept)";
        var merged = new CreateMailboxRequest(
            r.Address ?? current.Address,
            r.DisplayName ?? current.DisplayName,
            new ImapSettingsRequest(
                r.Imap?.Host ?? current.ImapHost, r.Imap?.Port ?? current.ImapPort, r.Imap?.Security ?? current.ImapSecurity.ToString(),
                r.Imap?.Username ?? current.ImapUsername, r.Imap?.Password ?? Kept, r.Imap?.Folder ?? current.ImapFolder,
                r.Imap?.ProcessedFolder ?? current.ProcessedFolder),
            new SmtpSettingsRequest(
                r.Smtp?.Host ?? current.SmtpHost, r.Smtp?.Port ?? current.SmtpPort, r.Smtp?.Security ?? current.SmtpSecurity.ToString(),
                r.Smtp?.Username ?? current.SmtpUsername,
                r.Smtp?.Password ?? (current.SmtpPasswordProtected is null ? null : Kept)),
            r.Team ?? current.TeamId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.PollSeconds ?? current.PollSeconds,
            r.MaxMessageMegabytes ?? (int)(current.MaxMessageBytes / (1024 * 1024)));
        var (changed, errors) = await MailboxValidation.ValidateAsync(merged, db, names, connections, ct);
        if (changed is null) throw new ValidationFailedException(errors);
        if (changed.Address != current.Address && await db.Mailboxes.AnyAsync(m => m.Address == changed.Address && m.Id != id, ct))
        {
            throw new ConflictException($"The mailbox {changed.Address} exists already.");
        }
        var elsewhere = changed.ImapHost != current.ImapHost || changed.ImapUsername != current.ImapUsername || changed.ImapFolder != current.ImapFolder;
        current.Address = changed.Address;
        current.DisplayName = changed.DisplayName;
        current.ImapHost = changed.ImapHost;
        current.ImapPort = changed.ImapPort;
        current.ImapSecurity = changed.ImapSecurity;
        current.ImapUsername = changed.ImapUsername;
        if (r.Imap?.Password is not null) current.ImapPasswordProtected = changed.ImapPasswordProtected;
        current.ImapFolder = changed.ImapFolder;
        current.ProcessedFolder = changed.ProcessedFolder;
        current.SmtpHost = changed.SmtpHost;
        current.SmtpPort = changed.SmtpPort;
        current.SmtpSecurity = changed.SmtpSecurity;
        current.SmtpUsername = changed.SmtpUsername;
        if (changed.SmtpUsername is null) current.SmtpPasswordProtected = null;
        else if (r.Smtp?.Password is not null) current.SmtpPasswordProtected = changed.SmtpPasswordProtected;
        current.TeamId = changed.TeamId;
        current.PollSeconds = changed.PollSeconds;
        current.MaxMessageBytes = changed.MaxMessageBytes;
        if (r.Active is { } active) current.IsActive = active;
        if (elsewhere)
        {
            current.UidValidity = null;
            current.LastUid = 0;
        }
        await db.SaveChangesAsync(ct);
        catalog.Evict();
        poller.Wake();
        return ToDto(current);
    }

    /// <summary>Every mailbox with its last poll, last error and mail counts; never a password.</summary>
    public async Task<List<MailboxDto>> ListAsync(CancellationToken ct)
    {
        var mailboxes = await db.Mailboxes.AsNoTracking().OrderBy(m => m.Address).ToListAsync(ct);
        var counts = (await db.InboundMails.GroupBy(m => new { m.MailboxId, m.Status }).Select(g => new { g.Key.MailboxId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(c => c.MailboxId);
        return mailboxes.Select(m =>
        {
            var of = counts[m.Id].ToList();
            return ToDto(m) with
            {
                MailsTaken = of.Sum(c => c.Count),
                MailsWaiting = of.Where(c => c.Status == InboundMailStatus.Received).Sum(c => c.Count),
                MailsQuarantined = of.Where(c => c.Status == InboundMailStatus.Quarantined).Sum(c => c.Count),
            };
        }).ToList();
    }

    /// <summary>One mailbox's settings (without the mail counts of <see cref="ListAsync"/>); never a password.</summary>
    public async Task<MailboxDto> GetAsync(long id, CancellationToken ct) =>
        ToDto(await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException($"Mailbox {id}"));

    public async Task<ConnectionTestDto> TestAsync(long id, CancellationToken ct)
    {
        var mailbox = await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException($"Mailbox {id}");
        return await tester.TestAsync(mailbox, ct);
    }

    /// <summary>The mailbox's address and its quarantined mail, newest first.</summary>
    public async Task<(string Address, List<QuarantinedMailDto> Mails)> QuarantineAsync(long id, CancellationToken ct)
    {
        var address = await db.Mailboxes.Where(m => m.Id == id).Select(m => m.Address).FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Mailbox {id}");
        var mails = await db.InboundMails.AsNoTracking()
            .Where(m => m.MailboxId == id && m.Status == InboundMailStatus.Quarantined)
            .OrderByDescending(m => m.Id).Take(QuarantineShown)
            .Select(m => new QuarantinedMailDto(m.Id, m.FromAddress, m.Subject, m.MessageId, m.Size, m.Reason ?? "", m.ReceivedAt))
            .ToListAsync(ct);
        return (address, mails);
    }

    /// <summary>Processes a quarantined mail again; <paramref name="release"/> makes a ticket even of a mail over the size limit.</summary>
    public async Task<ProcessedMailDto> ReprocessAsync(long id, long mailId, bool release, CancellationToken ct) =>
        await intake.ReprocessAsync(id, mailId, release, ct) ?? throw new NotFoundException($"Quarantined mail {mailId} of mailbox {id}");

    /// <summary>Blocked addresses and domains: their mail is kept (as ignored) but never becomes a ticket.</summary>
    public async Task<List<BlockedSenderDto>> BlockedSendersAsync(CancellationToken ct) =>
        await db.BlockedSenders.AsNoTracking().OrderBy(b => b.Pattern)
            .Select(b => new BlockedSenderDto(b.Id, b.Pattern, b.Reason, b.CreatedAt)).ToListAsync(ct);

    public async Task<BlockedSenderDto> BlockAsync(BlockSenderRequest request, CancellationToken ct)
    {
        var pattern = request.Pattern?.Trim().ToLowerInvariant() ?? "";
        var valid = pattern.StartsWith('@') ? PeopleDirectory.IsValidEmail("someone" + pattern) : PeopleDirectory.IsValidEmail(pattern);
        if (!valid) throw ValidationFailedException.For("pattern", "pattern is an e-mail address (spam@example.com) or a domain starting with @ (@example.com).");
        if (request.Reason is { Length: > 500 }) throw ValidationFailedException.For("reason", "reason is limited to 500 characters.");
        if (await db.BlockedSenders.AnyAsync(b => b.Pattern == pattern, ct)) throw new ConflictException($"{pattern} is blocked already.");
        var blocked = new BlockedSender { Pattern = pattern, Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), CreatedAt = clock.GetUtcNow() };
        db.BlockedSenders.Add(blocked);
        await db.SaveChangesAsync(ct);
        catalog.Evict();
        return new BlockedSenderDto(blocked.Id, blocked.Pattern, blocked.Reason, blocked.CreatedAt);
    }

    public async Task UnblockAsync(long id, CancellationToken ct)
    {
        var removed = await db.BlockedSenders.Where(b => b.Id == id).ExecuteDeleteAsync(ct) == 1;
        catalog.Evict();
        if (!removed) throw new NotFoundException($"Blocked sender {id}");
    }

    internal static MailboxDto ToDto(Mailbox m) => new(
        m.Id, m.Address, m.DisplayName,
        new ImapSettingsDto(m.ImapHost, m.ImapPort, m.ImapSecurity.ToString(), m.ImapUsername, m.ImapFolder, m.ProcessedFolder),
        new SmtpSettingsDto(m.SmtpHost, m.SmtpPort, m.SmtpSecurity.ToString(), m.SmtpUsername),
        m.TeamId, m.PollSeconds, m.MaxMessageBytes, m.IsActive, m.LastPollAt, m.LastError);
}
