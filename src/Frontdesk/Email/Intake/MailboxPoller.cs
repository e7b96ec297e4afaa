using Frontdesk.Database;
using Frontdesk.Common;
using Frontdesk.Common.Blobs;
using Frontdesk.Common.Text;
using Frontdesk.Email.Domain;
using Frontdesk.Email.Mailboxes;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Frontdesk.Email.Intake;

/// <summary>
/// Polls every due mailbox. A node polls a mailbox only while it holds its lease, so two nodes
/// never read one mailbox at once. Mail is taken by UID, never by the unread flag: a mail
/// somebody read in another client is still taken. Each mail is stored raw and recorded, with
/// the mailbox's last UID, in one transaction before it is processed: a dropped connection or a
/// restart never takes a mail twice, and a mail that fails to process never holds up the next.
/// </summary>
internal sealed class MailboxPoller(IServiceScopeFactory scopes, IOptions<EmailOptions> options, NodeIdentity node, TimeProvider clock, ILogger<MailboxPoller> log)
    : MailWorker(options, node, log)
{
    private const int BatchSize = 200;
    private const int FetchChunk = 50;

    protected override Task RoundAsync(CancellationToken ct) => PollDueAsync(ct);

    /// <summary>Polls every active mailbox now, due or not ("fetch now").</summary>
    public Task PollAllAsync(CancellationToken ct) => PollDueAsync(ct, all: true);

    public async Task PollDueAsync(CancellationToken ct, bool all = false)
    {
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>();
            var now = clock.GetUtcNow();
            var mailboxes = await db.Mailboxes.AsNoTracking().Where(m => m.IsActive).Select(m => new { m.Id, m.LastPollAt, m.PollSeconds }).ToListAsync(ct);
            due = mailboxes.Where(m => all || m.LastPollAt is null || m.LastPollAt.Value.AddSeconds(m.PollSeconds) <= now).Select(m => m.Id).ToList();
        }
        foreach (var id in due) await PollAsync(id, ct);
    }

    /// <summary>Polls one mailbox if no other node holds it.</summary>
    public async Task PollAsync(long mailboxId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>();
        if (!await LeaseAsync(db, mailboxId, ct)) return;
        var mailbox = await db.Mailboxes.FirstAsync(m => m.Id == mailboxId, ct);
        string? error = null;
        try
        {
            await ProcessLeftoversAsync(mailboxId, ct);
            error = await FetchAsync(scope.ServiceProvider, db, mailbox, ct);
        }
        catch (LeaseLostException)
        {
            // Another node holds the mailbox now (this one was too slow to renew): it carries on; we stop.
            log.LogInformation("Mailbox {Address}: another node took over the poll", mailbox.Address);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = ConnectionTester.Explain("IMAP", mailbox.ImapHost, mailbox.ImapPort, e);
            log.LogDebug(e, "Mailbox {Address}: {Error}", mailbox.Address, error);
            // Whatever the failure left half-done is dropped; what was committed (mail and last UID together) stays.
            db.ChangeTracker.Clear();
            mailbox = await db.Mailboxes.FirstAsync(m => m.Id == mailboxId, CancellationToken.None);
        }
        // One line per change of state, not a stack trace on every poll: the mailbox page shows the problem.
        if (error != mailbox.LastError)
        {
            if (error is null) log.LogInformation("Mailbox {Address} works again", mailbox.Address);
            else log.LogWarning("Mailbox {Address}: {Error}", mailbox.Address, error);
        }
        mailbox.LastError = error;
        mailbox.LastPollAt = clock.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        // Released only if still ours: never the lease of a node that took over meanwhile.
        await db.Mailboxes.Where(m => m.Id == mailboxId && m.LeaseOwner == Node)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    private async Task<bool> LeaseAsync(FrontdeskDbContext db, long mailboxId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now.AddSeconds(Options.LeaseSeconds);
        return await db.Mailboxes.Where(m => m.Id == mailboxId && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, Node).SetProperty(m => m.LeaseUntil, until), ct) == 1;
    }

    protected override async Task TakeBackEarlierLeasesAsync(string earlierRun, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>().Mailboxes
            .Where(m => m.LeaseOwner != null && m.LeaseOwner.StartsWith(earlierRun) && m.LeaseOwner != Node)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    /// <summary>Takes in and processes the new mail; returns a problem the admin should know of, or null.</summary>
    private async Task<string?> FetchAsync(IServiceProvider services, FrontdeskDbContext db, Mailbox mailbox, CancellationToken ct)
    {
        var connections = services.GetRequiredService<MailConnections>();
        var blobs = services.GetRequiredService<IBlobStore>();
        using var client = await connections.OpenImapAsync(mailbox, ct);
        var folder = await MailConnections.OpenFolderAsync(client, mailbox, ct);
        if (mailbox.UidValidity != folder.UidValidity)
        {
            // New, or the server renumbered the folder: start from its first UID. Mails we already
            // have are recognised by their Message-ID and not made into tickets again.
            mailbox.UidValidity = folder.UidValidity;
            mailbox.LastUid = 0;
            await db.SaveChangesAsync(ct);
        }
        var lanes = db.Database.IsNpgsql() ? Options.IntakeLanes : 1;
        while (true)
        {
            var range = new UniqueIdRange(new UniqueId(folder.UidValidity, (uint)mailbox.LastUid + 1), UniqueId.MaxValue);
            // "n:*" always includes the last mail, even below n: keep only the new ones.
            var uids = (await folder.SearchAsync(SearchQuery.Uids(range), ct)).Where(u => u.Id > mailbox.LastUid).OrderBy(u => u.Id).Take(BatchSize).ToList();
            if (uids.Count == 0) break;
            foreach (var chunk in uids.Chunk(FetchChunk))
            {
                // A chunk is processed before the next is fetched: replies never overtake the mail they answer.
                await ProcessInLanesAsync(await TakeAsync(db, blobs, (ImapFolder)folder, mailbox, chunk, ct), lanes, ct);
                // Leases are short: renewed after every chunk, so a long intake keeps its mailbox.
                await RenewAsync(db, mailbox.Id, ct);
            }
        }
        var problem = await MoveProcessedAsync(db, client, folder, mailbox, ct);
        await client.DisconnectAsync(true, ct);
        return problem;
    }

    /// <summary>
    /// Moves every mail up to the last one taken to the mailbox's processed folder, if it has one.
    /// Taken mail is stored raw and processed before this runs, and what a failed poll left behind
    /// moves with the next one. A missing folder is reported; mail keeps flowing all the same.
    /// </summary>
    private async Task<string?> MoveProcessedAsync(FrontdeskDbContext db, ImapClient client, IMailFolder folder, Mailbox mailbox, CancellationToken ct)
    {
        if (mailbox.ProcessedFolder is null || mailbox.LastUid == 0) return null;
        IMailFolder target;
        try
        {
            target = await MailConnections.ProcessedFolderAsync(client, mailbox, ct);
        }
        catch (FolderNotFoundException)
        {
            return $"IMAP: the folder '{mailbox.ProcessedFolder}' for processed mail does not exist, so processed mail stays in '{mailbox.ImapFolder}'. Create the folder or clear the setting.";
        }
        var taken = new UniqueIdRange(new UniqueId(folder.UidValidity, 1), new UniqueId(folder.UidValidity, (uint)mailbox.LastUid));
        var done = await folder.SearchAsync(SearchQuery.Uids(taken), ct);
        if (done.Count == 0) return null;
        await RenewAsync(db, mailbox.Id, ct); // a long backlog may take a while to move
        await folder.MoveToAsync(done, target, ct);
        return null;
    }

    /// <summary>
    /// Processes a chunk of mails in up to <paramref name="lanes"/> lanes at once. A sender's mails,
    /// and mails that answer one another, share a lane and keep their order, so a reply is never
    /// handled before the mail it answers. (On SQLite, one writer at a time: lanes would only wait.)
    /// </summary>
    internal async Task ProcessInLanesAsync(IReadOnlyList<TakenMail> taken, int lanes, CancellationToken ct)
    {
        if (lanes <= 1 || taken.Count <= 1)
        {
            foreach (var mail in taken) await InScopeAsync(intake => intake.ProcessAsync(mail.Mail, ct));
            return;
        }
        await Parallel.ForEachAsync(TakenMail.Lanes(taken, Options.TicketTagPrefix), new ParallelOptions { MaxDegreeOfParallelism = lanes, CancellationToken = ct },
            async (lane, token) =>
            {
                foreach (var mail in lane) await InScopeAsync(intake => intake.ProcessAsync(mail.Mail, token));
            });
    }

    /// <summary>
    /// Fetches a chunk of mails in one IMAP command, stores each raw, and records them all with
    /// the new last UID in one transaction. Returns the new mails in UID order.
    /// </summary>
    private async Task<List<TakenMail>> TakeAsync(FrontdeskDbContext db, IBlobStore blobs, ImapFolder folder, Mailbox mailbox, UniqueId[] chunk, CancellationToken ct)
    {
        var numbers = chunk.Select(u => (long)u.Id).ToList();
        // Taken before (our place was lost, say by a database restore): step over them, never stall on them.
        var known = (await db.InboundMails.Where(m => m.MailboxId == mailbox.Id && m.UidValidity == mailbox.UidValidity && numbers.Contains(m.Uid))
            .Select(m => m.Uid).ToListAsync(ct)).ToHashSet();
        var fresh = chunk.Where(u => !known.Contains(u.Id)).ToList();
        var stored = new Dictionary<uint, StoredBlob>();
        if (fresh.Count > 0)
        {
            await folder.GetStreamsAsync(fresh, async (_, _, uid, stream, token) => stored[uid.Id] = await blobs.PutAsync(stream, InboundMail.MaxRawBytes, token), ct);
        }
        var mails = new List<InboundMail>();
        var references = new List<List<string>>();
        foreach (var uid in fresh.Where(u => stored.ContainsKey(u.Id)))
        {
            var mail = new InboundMail
            {
                MailboxId = mailbox.Id,
                UidValidity = mailbox.UidValidity!.Value,
                Uid = uid.Id,
                RawSha256 = stored[uid.Id].Sha256,
                Size = stored[uid.Id].Size,
                Status = InboundMailStatus.Received,
                ReceivedAt = clock.GetUtcNow(),
            };
            references.Add(ReadHeaders(blobs, mail));
            mails.Add(mail);
        }
        db.InboundMails.AddRange(mails);
        // A mail deleted on the server between the search and the fetch has no stream: nothing to take.
        mailbox.LastUid = chunk.Max(u => u.Id);
        await db.SaveChangesAsync(ct);
        foreach (var mail in mails) db.Entry(mail).State = EntityState.Detached;
        return mails.Select((m, i) => new TakenMail(m, references[i])).ToList();
    }

    /// <summary>From, subject and Message-ID for the admin's list, read from the headers alone; a mail too
    /// broken for that still counts. Returns the Message-IDs the mail answers (In-Reply-To, References).</summary>
    internal static List<string> ReadHeaders(IBlobStore blobs, InboundMail mail)
    {
        try
        {
            using var stream = blobs.OpenRead(mail.RawSha256)!;
            var headers = HeaderList.Load(stream);
            mail.MessageId = Clip.To(headers[HeaderId.MessageId]?.Trim().Trim('<', '>'), 998);
            mail.Subject = Clip.To(headers[HeaderId.Subject] is { } s ? Rfc2047.DecodeText(System.Text.Encoding.UTF8.GetBytes(s)).Trim() : null, 1000);
            mail.FromAddress = Clip.To(headers[HeaderId.From] is { } f && InternetAddressList.TryParse(f, out var list)
                ? list.Mailboxes.FirstOrDefault()?.Address?.ToLowerInvariant() : null, 320);
            return new[] { headers[HeaderId.InReplyTo], headers[HeaderId.References] }.OfType<string>()
                .SelectMany(MimeUtils.EnumerateReferences).Take(100).ToList();
        }
        catch (FormatException)
        {
            // The processing step quarantines it with the parser's words.
            return [];
        }
    }

    /// <summary>Runs one mail's processing in a scope (and database context) of its own.</summary>
    private async Task InScopeAsync(Func<MailIntake, Task> process)
    {
        await using var scope = scopes.CreateAsyncScope();
        await process(scope.ServiceProvider.GetRequiredService<MailIntake>());
    }

    /// <summary>Mails stored but not processed when the node stopped: process them first.</summary>
    private async Task ProcessLeftoversAsync(long mailboxId, CancellationToken ct)
    {
        List<long> left;
        await using (var scope = scopes.CreateAsyncScope())
        {
            left = await scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>().InboundMails
                .Where(m => m.MailboxId == mailboxId && m.Status == InboundMailStatus.Received).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        }
        foreach (var chunk in left.Chunk(FetchChunk))
        {
            foreach (var id in chunk) await InScopeAsync(intake => intake.ProcessAsync(id, ct));
            await using var scope = scopes.CreateAsyncScope();
            await RenewAsync(scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>(), mailboxId, ct);
        }
    }

    /// <summary>Extends the lease; a lease another node has taken meanwhile ends this poll (<see cref="LeaseLostException"/>).</summary>
    private async Task RenewAsync(FrontdeskDbContext db, long mailboxId, CancellationToken ct)
    {
        var until = clock.GetUtcNow().AddSeconds(Options.LeaseSeconds);
        var renewed = await db.Mailboxes.Where(m => m.Id == mailboxId && m.LeaseOwner == Node).ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, until), ct);
        if (renewed == 0) throw new LeaseLostException();
    }

    private sealed class LeaseLostException : Exception;
}
