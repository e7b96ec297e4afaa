using Frontdesk.Common.Security;
using System.Net;
using Frontdesk.Email.Domain;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Frontdesk.IntegrationTests.Email;

/// <summary>
/// The e-mail channel end to end against the real SMTP and IMAP servers: a customer's mail goes
/// through SMTP into the support mailbox, Frontdesk polls it over IMAP, and what Frontdesk sends
/// arrives in the customer's own mailbox.
/// </summary>
public abstract class EmailChannelTests(FrontdeskApp app)
{
    private MailDesk _desk = null!;

    private async Task<(TestUser Admin, long MailboxId, string Support)> MailboxAsync(int? maxMegabytes = null)
    {
        _desk = await MailDesk.ConnectAsync(app, maxMegabytes);
        return (_desk.Admin, _desk.MailboxId, _desk.Support);
    }

    /// <summary>Polls now rather than waiting out the mailbox's interval, until the sender's ticket exists.</summary>
    private Task<long> TicketOfAsync(string requester) => _desk.TicketOfAsync(requester);

    private Task PollNowAsync() => app.Services.GetRequiredService<Frontdesk.Email.Intake.MailboxPoller>().PollAllAsync(CancellationToken.None);

    [Fact]
    public async Task A_mail_becomes_a_ticket_and_the_sender_gets_an_acknowledgement_that_threads()
    {
        var (admin, _, support) = await MailboxAsync();
        var customer = await MailServer.AddAccountAsync("maria");
        var mail = MailServer.Mail(customer, support, "VPN drops every hour", "Since Monday the VPN disconnects.", "María López");
        await MailServer.SendAsync(mail);

        var number = await TicketOfAsync(customer);
        var ticket = await admin.Api.GetJsonAsync($"/api/v1/tickets/{number}");
        ticket.Str("channel").ShouldBe("email");
        ticket.Str("subject").ShouldBe("VPN drops every hour");
        ticket["requester"]!.Str("name").ShouldBe("María López");
        app.WithDb(db => db.Messages.Single(m => m.TicketId == number).ExternalMessageId).ShouldBe(mail.MessageId);

        var ack = await MailServer.WaitForMailAsync(customer, m => (m.Subject ?? "").Contains($"[#{number}]", StringComparison.Ordinal));
        ack.InReplyTo.ShouldBe(mail.MessageId);
        ack.Headers[HeaderId.AutoSubmitted].ShouldBe("auto-replied");
        ack.ReplyTo.Mailboxes.Single().Address.ShouldBe(support);
        (ack.TextBody ?? "").ShouldContain("Hello María");
        // The promised first answer: created + the priority's hours, on the customer's clock (UTC for a new person).
        var (created, priority) = app.WithDb(db => db.Tickets.Where(t => t.Id == number).Select(t => new { t.CreatedAt, t.Priority }).AsEnumerable().Select(t => (t.CreatedAt, t.Priority)).Single());
        var promised = created.AddHours(new Frontdesk.Tickets.TicketOptions().FirstAnswerHours[priority]);
        (ack.TextBody ?? "").ShouldContain($"by {Frontdesk.Email.Outbox.MailTemplates.InZone(promised, "UTC")}.");

        // The customer answers the acknowledgement: by the tag, then by headers alone.
        var byTag = MailServer.Mail(customer, support, $"Re: [#{number}] VPN drops every hour", "It dropped again at 10:14.");
        await MailServer.SendAsync(byTag);
        var byHeaders = MailServer.Mail(customer, support, "Re: your request", "And at 11:02.");
        byHeaders.InReplyTo = ack.MessageId;
        await MailServer.SendAsync(byHeaders);
        await Eventually.GetAsync(async () =>
        {
            await PollNowAsync();
            return app.WithDb(db => db.Messages.Count(m => m.TicketId == number)) == 3;
        }, "both replies on the ticket");
        (await admin.Api.GetJsonAsync($"/api/v1/tickets?requester={Uri.EscapeDataString(customer)}")).Numbers().ShouldBe([number]);
    }

    [Fact]
    public async Task An_agent_reply_arrives_in_the_customers_mailbox_with_headers_that_thread()
    {
        var (admin, _, support) = await MailboxAsync();
        var customer = await MailServer.AddAccountAsync("omar");
        var first = MailServer.Mail(customer, support, "Laptop will not charge", "The light stays off.");
        await MailServer.SendAsync(first);
        var number = await TicketOfAsync(customer);

        var agent = await app.CreateUserAsync(Roles.Agent);
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Please try the other power supply.", @internal = false });
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Internal: order a new one", @internal = true });

        var reply = await MailServer.WaitForMailAsync(customer, m => m.TextBody?.Contains("other power supply", StringComparison.Ordinal) == true);
        reply.Subject.ShouldBe($"Re: [#{number}] Laptop will not charge");
        reply.InReplyTo.ShouldBe(first.MessageId);
        reply.References.ShouldContain(first.MessageId);
        reply.Headers.Contains(HeaderId.AutoSubmitted).ShouldBeFalse();
        var messages = await Eventually.GetAsync(async () =>
        {
            var list = (await agent.Api.GetJsonAsync($"/api/v1/tickets/{number}/messages"))["items"]!.AsArray();
            return list.Any(m => m!["delivery"]?.GetValue<string>() == "sent") ? list : null;
        }, "the reply marked as sent");
        messages.Count.ShouldBe(3);
        // The internal note never goes out by mail.
        (await MailServer.InboxAsync(customer)).ShouldNotContain(m => (m.TextBody ?? "").Contains("Internal", StringComparison.Ordinal));

        // Resolving the ticket tells the customer, threaded, as an automatic mail.
        (await agent.Api.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Resolved" }, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var resolved = await MailServer.WaitForMailAsync(customer, m => (m.TextBody ?? "").Contains("we have resolved your request", StringComparison.Ordinal));
        resolved.Subject.ShouldBe($"Re: [#{number}] Laptop will not charge");
        resolved.Headers[HeaderId.AutoSubmitted].ShouldBe("auto-replied");
        resolved.InReplyTo.ShouldBe(reply.MessageId);
        resolved.References.ShouldContain(first.MessageId);
    }

    [Fact]
    public async Task A_requester_who_leaves_a_pending_ticket_unanswered_gets_one_reminder()
    {
        var (admin, _, support) = await MailboxAsync();
        var customer = await MailServer.AddAccountAsync("quiet");
        var first = MailServer.Mail(customer, support, "Scanner sends empty pages", "Every scan is blank.");
        await MailServer.SendAsync(first);
        var number = await TicketOfAsync(customer);
        await admin.Api.PostJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Which scanner model is it?" });
        (await admin.Api.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Waiting for customer" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reminders = app.Services.GetRequiredService<Frontdesk.Email.Outbox.ReminderWorker>();
        int Queued() => app.WithDb(db => db.OutboundMails.Count(o => o.TicketId == number && o.Kind == OutboundMailKind.Reminder));

        // Not quiet long enough yet: nothing.
        await reminders.RemindDueAsync(CancellationToken.None);
        Queued().ShouldBe(0);

        // Four days without an answer (the default is three).
        var fourDaysAgo = TimeProvider.System.GetUtcNow().AddDays(-4);
        app.WithDb(db => db.Tickets.Where(t => t.Id == number).ExecuteUpdate(s => s.SetProperty(t => t.UpdatedAt, fourDaysAgo)));
        var version = (await admin.Api.GetJsonAsync($"/api/v1/tickets/{number}"))["version"]!.GetValue<int>();
        await Task.WhenAll(reminders.RemindDueAsync(CancellationToken.None), reminders.RemindDueAsync(CancellationToken.None));
        Queued().ShouldBe(1); // two rounds at once, one reminder
        var reminder = await MailServer.WaitForMailAsync(customer, m => (m.TextBody ?? "").Contains("we are waiting for your answer", StringComparison.Ordinal));
        reminder.Subject.ShouldBe($"Re: [#{number}] Scanner sends empty pages");
        reminder.Headers[HeaderId.AutoSubmitted].ShouldBe("auto-replied");
        reminder.References.ShouldContain(first.MessageId);
        var ticket = await admin.Api.GetJsonAsync($"/api/v1/tickets/{number}");
        ticket.Str("statusCategory").ShouldBe("pending");
        ticket["version"]!.GetValue<int>().ShouldBe(version); // an agent's open edit does not go stale
        var history = (await admin.Api.GetJsonAsync($"/api/v1/tickets/{number}/history"))["items"]!.AsArray();
        history.ShouldContain(e => e!["field"]!.GetValue<string>() == "reminder" && e["newValue"]!.GetValue<string>() == $"queued for {customer}");
        // "Sent" only once the mail server took it.
        await Eventually.GetAsync(async () => (await admin.Api.GetJsonAsync($"/api/v1/tickets/{number}/history"))["items"]!.AsArray()
            .Any(e => e!["field"]!.GetValue<string>() == "mail" && e["newValue"]!.GetValue<string>() == $"reminder sent to {customer}"), "the reminder's delivery on the history");

        // Still quiet: no second reminder for the same quiet spell.
        await reminders.RemindDueAsync(CancellationToken.None);
        Queued().ShouldBe(1);

        // Waiting for a vendor is not waiting for the customer: no reminder however long it takes.
        (await admin.Api.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Waiting for vendor" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var longAgo = TimeProvider.System.GetUtcNow().AddDays(-10);
        app.WithDb(db => db.Tickets.Where(t => t.Id == number).ExecuteUpdate(s => s.SetProperty(t => t.UpdatedAt, longAgo)));
        await reminders.RemindDueAsync(CancellationToken.None);
        Queued().ShouldBe(1);

        // Waiting for the customer again, whose address now bounces: the quiet spell is noted, no mail is sent.
        (await admin.Api.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Waiting for customer" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.WithDb(db => db.People.Where(p => p.Email == customer).ExecuteUpdate(s => s.SetProperty(p => p.EmailFailingSince, fourDaysAgo)));
        // (Both moved back in time together, as they would have happened: the reminder, then the status change.)
        app.WithDb(db => db.Tickets.Where(t => t.Id == number)
            .ExecuteUpdate(s => s.SetProperty(t => t.CustomerRemindedAt, longAgo.AddDays(-1)).SetProperty(t => t.UpdatedAt, longAgo)));
        (await reminders.RemindDueAsync(CancellationToken.None)).ShouldBe(1);
        Queued().ShouldBe(1);
        var later = (await admin.Api.GetJsonAsync($"/api/v1/tickets/{number}/history"))["items"]!.AsArray();
        later.ShouldContain(e => e!["field"]!.GetValue<string>() == "reminder" && e["newValue"]!.GetValue<string>() == $"not sent: mail to {customer} fails");
    }

    [Fact]
    public async Task A_mail_read_in_another_client_is_still_taken()
    {
        var support = await MailServer.AddAccountAsync("support", "desk.test");
        var customer = await MailServer.AddAccountAsync("lee");
        await MailServer.AppendAsync(support, MailServer.Mail(customer, support, "Printer offline", "Floor 2."), seen: true);

        var desk = await MailDesk.ConnectAsync(app, support: support);
        await desk.TicketOfAsync(customer);
    }

    [Fact]
    public async Task Broken_and_oversized_mails_are_kept_and_flagged_while_the_next_one_is_processed()
    {
        var (admin, mailboxId, support) = await MailboxAsync(maxMegabytes: 1);
        var customer = await MailServer.AddAccountAsync("ines");
        var big = MailServer.Mail(customer, support, "Huge scan", "The scan is attached.");
        var parts = new BodyBuilder { TextBody = "The scan is attached." };
        // 5 MB: over the mailbox limit, and large enough to be parsed from its file rather than in memory.
        parts.Attachments.Add("scan.pdf", new byte[5_000_000], new ContentType("application", "pdf"));
        big.Body = parts.ToMessageBody();
        await MailServer.SendAsync(big);
        var nobody = new MimeMessage { Subject = "no sender here", Body = new TextPart("plain") { Text = "who am I" } };
        nobody.To.Add(MailboxAddress.Parse(support));
        await MailServer.AppendAsync(support, nobody, seen: false);
        await MailServer.SendAsync(MailServer.Mail(customer, support, "Small and fine", "Just a question."));

        var number = await TicketOfAsync(customer);
        (await admin.Api.GetJsonAsync($"/api/v1/tickets/{number}")).Str("subject").ShouldBe("Small and fine");
        var quarantine = (await admin.Api.GetJsonAsync($"/api/v1/mailboxes/{mailboxId}/quarantine"))["items"]!.AsArray();
        quarantine.Count.ShouldBe(2);
        var oversized = quarantine.Single(q => q!["subject"]?.GetValue<string>() == "Huge scan")!;
        oversized.Str("reason").ShouldContain("limit");
        quarantine.Single(q => q!["subject"]?.GetValue<string>() == "no sender here")!.Str("reason").ShouldContain("no sender");

        var released = await admin.Api.PostAsync($"/api/v1/mailboxes/{mailboxId}/quarantine/{oversized["id"]}/release", null);
        released.StatusCode.ShouldBe(HttpStatusCode.OK, await released.Content.ReadAsStringAsync());
        var result = await released.ReadJsonAsync();
        result.Str("status").ShouldBe("Processed");
        var bigTicket = result["ticket"]!.GetValue<long>();
        (await admin.Api.GetJsonAsync($"/api/v1/tickets/{bigTicket}")).Str("subject").ShouldBe("Huge scan");
        var files = (await admin.Api.GetJsonAsync($"/api/v1/tickets/{bigTicket}/attachments"))["items"]!.AsArray();
        // Attachments over the mailbox's limit come along when released, and so does the raw original.
        files.Select(f => f!.Str("fileName")).Order().ShouldBe(["original-mail.eml", "scan.pdf"]);
        files.Single(f => f!.Str("fileName") == "original-mail.eml")!["internal"]!.GetValue<bool>().ShouldBeTrue(); // staff only
        files.Single(f => f!.Str("fileName") == "scan.pdf")!["internal"]!.GetValue<bool>().ShouldBeFalse();
        files.Single(f => f!.Str("fileName") == "scan.pdf")!["size"]!.GetValue<long>().ShouldBe(5_000_000); // decoded whole, on the way into the store
        var agent = await app.CreateUserAsync(Roles.Agent);
        var customerView = await agent.Api.GetAsync($"/api/v1/mailboxes/{mailboxId}/quarantine");
        customerView.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Robots_get_no_answer_and_a_storm_is_capped()
    {
        var (admin, _, support) = await MailboxAsync();
        var robot = await MailServer.AddAccountAsync("robot");
        var outOfOffice = MailServer.Mail(robot, support, "Automatic reply: I am away", "Back on Monday.");
        outOfOffice.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        await MailServer.SendAsync(outOfOffice);
        var newsletter = MailServer.Mail(robot, support, "IT news", "Our newsletter.");
        newsletter.Headers.Add("List-Id", "<news.example.test>");
        await MailServer.SendAsync(newsletter);
        var person = await MailServer.AddAccountAsync("eager");
        for (var i = 0; i < 5; i++) await MailServer.SendAsync(MailServer.Mail(person, support, $"Question {i}", "Hello?"));

        await Eventually.GetAsync(async () =>
        {
            await PollNowAsync();
            return app.WithDb(db => db.InboundMails.Count(m => m.FromAddress == robot || m.FromAddress == person) == 7
                && !db.InboundMails.Any(m => m.Status == InboundMailStatus.Received));
        }, "all seven mails processed");
        app.WithDb(db => db.OutboundMails.Count(o => o.To == robot)).ShouldBe(0);
        app.WithDb(db => db.OutboundMails.Count(o => o.To == person)).ShouldBe(3);
        app.WithDb(db => db.InboundMails.Count(m => m.FromAddress == person && m.Reason != null && m.Reason.Contains("storms"))).ShouldBe(2);
    }

    [Fact]
    public async Task Polling_again_or_from_two_places_at_once_takes_each_mail_once()
    {
        var (admin, mailboxId, support) = await MailboxAsync();
        var customer = await MailServer.AddAccountAsync("twice");
        for (var i = 0; i < 3; i++) await MailServer.SendAsync(MailServer.Mail(customer, support, $"Issue {i}", "text"));
        var poller = app.Services.GetRequiredService<Frontdesk.Email.Intake.MailboxPoller>();
        await Task.WhenAll(poller.PollAsync(mailboxId, CancellationToken.None), poller.PollAsync(mailboxId, CancellationToken.None));
        await Eventually.GetAsync(() => Task.FromResult(app.WithDb(db => db.InboundMails.Count(m => m.MailboxId == mailboxId && m.Status == InboundMailStatus.Processed)) == 3), "three mails");

        // Our place lost (a database restored from last night): the same UIDs are stepped over.
        app.WithDb(db => db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdate(s => s.SetProperty(m => m.LastUid, 0)));
        await poller.PollAsync(mailboxId, CancellationToken.None);
        // Somebody moves the mails out of the inbox and back: new UIDs, same mails, recognised by Message-ID.
        await MailServer.MoveOutAndBackAsync(support);
        await Eventually.GetAsync(async () =>
        {
            await poller.PollAsync(mailboxId, CancellationToken.None); // returns at once while the background poller holds the lease
            return app.WithDb(db => db.InboundMails.Count(m => m.MailboxId == mailboxId && m.Status == InboundMailStatus.Ignored)) == 3;
        }, "the moved mails recognised");
        app.WithDb(db => db.InboundMails.Count(m => m.MailboxId == mailboxId)).ShouldBe(6);
        (await admin.Api.GetJsonAsync($"/api/v1/tickets?requester={Uri.EscapeDataString(customer)}")).Numbers().Count().ShouldBe(3);
    }

    [Fact]
    public async Task Every_fixture_mail_is_taken_in_and_none_stalls_the_mailbox()
    {
        var (admin, mailboxId, support) = await MailboxAsync();
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Mail");
        var files = System.IO.Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files) await MailServer.AppendAsync(support, await MimeMessage.LoadAsync(file), seen: false);
        var last = await MailServer.AddAccountAsync("last");
        await MailServer.SendAsync(MailServer.Mail(last, support, "After the fixtures", "Still flowing."));

        await TicketOfAsync(last);
        var mails = app.WithDb(db => db.InboundMails.Where(m => m.MailboxId == mailboxId).Select(m => new { m.Status, m.Subject, m.Reason }).ToList());
        mails.Count.ShouldBe(files.Count + 1);
        mails.ShouldNotContain(m => m.Status == InboundMailStatus.Received);
        // The mail without a sender is kept for an admin; the bounce refers to no ticket of this desk.
        var quarantine = (await admin.Api.GetJsonAsync($"/api/v1/mailboxes/{mailboxId}/quarantine"))["items"]!.AsArray();
        quarantine.Select(q => q!["subject"]?.GetValue<string>()).ShouldContain(s => s != null && s.Contains("Undelivered", StringComparison.OrdinalIgnoreCase)
            || s != null && s.Contains("Delivery", StringComparison.OrdinalIgnoreCase));
        quarantine.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_stranger_cannot_write_on_someone_elses_ticket_by_its_tag_or_forged_headers()
    {
        var (admin, _, support) = await MailboxAsync();
        var owner = await MailServer.AddAccountAsync("owner");
        var first = MailServer.Mail(owner, support, "Salary file share", "Please give me access.");
        await MailServer.SendAsync(first);
        var number = await TicketOfAsync(owner);

        var stranger = await MailServer.AddAccountAsync("stranger");
        await MailServer.SendAsync(MailServer.Mail(stranger, support, $"Re: [#{number}] Salary file share", "Close this, I am the owner now."));
        var forged = MailServer.Mail(stranger, support, "Re: Salary file share", "Also give me access.");
        forged.InReplyTo = first.MessageId;
        forged.References.Add(first.MessageId!);
        await MailServer.SendAsync(forged);
        // Control headers from outside change nothing either.
        forged = MailServer.Mail(stranger, support, "Urgent", "Priority please.");
        forged.Headers.Add("X-Frontdesk-Priority", "critical");
        await MailServer.SendAsync(forged);

        var theirs = (await Eventually.GetAsync(async () =>
        {
            await PollNowAsync();
            var response = await admin.Api.GetAsync($"/api/v1/tickets?requester={Uri.EscapeDataString(stranger)}");
            if (response.StatusCode == HttpStatusCode.BadRequest) return null;
            var numbers = (await response.ReadJsonAsync()).Numbers().ToList();
            return numbers.Count == 3 ? numbers : null;
        }, "the stranger's three mails as their own tickets")).ToList();
        theirs.ShouldNotContain(number);
        app.WithDb(db => db.Messages.Count(m => m.TicketId == number)).ShouldBe(1);
        (await admin.Api.GetJsonAsync($"/api/v1/tickets/{theirs[0]}")).Str("priority").ShouldBe("medium");
    }

    [Fact]
    public async Task Copied_colleagues_stay_on_a_reply_all_and_may_answer_and_blocked_senders_make_no_ticket()
    {
        var (admin, _, support) = await MailboxAsync();
        var customer = await MailServer.AddAccountAsync("kim");
        var colleague = await MailServer.AddAccountAsync("colleague");
        var mail = MailServer.Mail(customer, support, "Meeting room screen is black", "Room 4.12.");
        mail.Cc.Add(MailboxAddress.Parse(colleague));
        await MailServer.SendAsync(mail);
        var number = await TicketOfAsync(customer);

        var agent = await app.CreateUserAsync(Roles.Agent);
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "A technician is on the way.", replyAll = true });
        var reply = await MailServer.WaitForMailAsync(colleague, m => (m.TextBody ?? "").Contains("technician", StringComparison.Ordinal));
        reply.To.Mailboxes.Single().Address.ShouldBe(customer);
        reply.Cc.Mailboxes.Select(m => m.Address).ShouldBe([colleague]);

        // The colleague who was copied answers: it lands on the same ticket.
        var answer = MailServer.Mail(colleague, support, $"Re: [#{number}] Meeting room screen is black", "It works again, thanks.");
        await MailServer.SendAsync(answer);
        await Eventually.GetAsync(async () =>
        {
            await PollNowAsync();
            return app.WithDb(db => db.Messages.Any(m => m.TicketId == number && m.ExternalMessageId == answer.MessageId));
        }, "the colleague's answer on the ticket");

        var spammer = await MailServer.AddAccountAsync("spammer", "spam.test");
        await admin.Api.PostJsonAsync("/api/v1/blocked-senders", new { pattern = "@spam.test", reason = "sells toner" });
        var spam = MailServer.Mail(spammer, support, "Cheap toner", "Buy now.");
        await MailServer.SendAsync(spam);
        var kept = await Eventually.GetAsync(async () =>
        {
            await PollNowAsync();
            return app.WithDb(db => db.InboundMails.FirstOrDefault(m => m.MessageId == spam.MessageId && m.Status != InboundMailStatus.Received));
        }, "the blocked mail kept");
        kept.Status.ShouldBe(InboundMailStatus.Ignored);
        kept.Reason!.ShouldContain("blocked");
        kept.TicketId.ShouldBeNull();
    }

    [Fact]
    public async Task A_refused_reply_shows_the_servers_answer_and_a_bounce_becomes_a_note_on_its_ticket()
    {
        var (admin, _, support) = await MailboxAsync();
        // The mail server knows no such account: it refuses the reply at RCPT with 550.
        var gone = $"left-the-company-{Guid.NewGuid():N}@example.test";
        var agent = await app.CreateUserAsync(Roles.Agent);
        var number = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Return the laptop", body = "Leaver", requesterEmail = gone })).Number();
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Please bring the laptop to room 1.04." });
        var reply = await Eventually.GetAsync(async () =>
        {
            var items = (await agent.Api.GetJsonAsync($"/api/v1/tickets/{number}/messages"))["items"]!.AsArray();
            return items.FirstOrDefault(m => m!["delivery"]?.GetValue<string>() == "failed");
        }, "the reply marked as failed");
        reply!.Str("deliveryDetail").ShouldContain("550");

        // A delivery report for a mail we sent lands on that mail's ticket as a note for agents.
        var customer = await MailServer.AddAccountAsync("bounced");
        await MailServer.SendAsync(MailServer.Mail(customer, support, "Phone broken", "Screen cracked."));
        var ticket = await TicketOfAsync(customer);
        var ack = await MailServer.WaitForMailAsync(customer, m => (m.Subject ?? "").Contains($"[#{ticket}]", StringComparison.Ordinal));
        var report = new MimeMessage { Subject = "Undelivered Mail Returned to Sender" };
        report.From.Add(new MailboxAddress("Mail Delivery System", $"mailer-daemon@{support.Split('@')[1]}"));
        report.To.Add(MailboxAddress.Parse(support));
        var dsn = new MultipartReport("delivery-status");
        dsn.Add(new TextPart("plain") { Text = "Your mail could not be delivered." });
        var status = new MessageDeliveryStatus();
        status.StatusGroups.Add(new HeaderList { { "Reporting-MTA", "dns; mx.example.test" } });
        status.StatusGroups.Add(new HeaderList { { "Final-Recipient", $"rfc822; {customer}" }, { "Action", "failed" }, { "Status", "5.2.2" }, { "Diagnostic-Code", "smtp; 552 mailbox full" } });
        dsn.Add(status);
        dsn.Add(new MessagePart { Message = ack });
        report.Body = dsn;
        await MailServer.AppendAsync(support, report, seen: false);
        await Eventually.GetAsync(async () =>
        {
            await PollNowAsync();
            return app.WithDb(db => db.Messages.Any(m => m.TicketId == ticket && m.IsInternal && m.BodyText.Contains("mailbox full")));
        }, "the bounce as a note");
        app.WithDb(db => db.People.Single(p => p.Email == customer).EmailFailingSince).ShouldNotBeNull();
        app.WithDb(db => db.OutboundMails.Count(o => o.TicketId == ticket)).ShouldBe(1); // the bounce got no answer
    }

    [Fact]
    public async Task Processed_mail_moves_to_the_chosen_folder_and_a_missing_folder_is_reported_without_stopping_intake()
    {
        var support = await MailServer.AddAccountAsync("support", "desk.test");
        _desk = await MailDesk.ConnectAsync(app, support: support, processedFolder: "Done");
        var customer = await MailServer.AddAccountAsync("ines");
        await MailServer.SendAsync(MailServer.Mail(customer, support, "Printer offline", "Floor 2."));

        // The folder does not exist yet: the mail still becomes a ticket, and the mailbox says why it stays.
        await _desk.TicketOfAsync(customer);
        await Eventually.GetAsync(async () => (await LastErrorAsync())?.Contains("'Done'", StringComparison.Ordinal), "the missing folder reported");
        (await MailServer.CountAsync(support, "INBOX")).ShouldBe(1);
        var test = await (await _desk.Admin.Api.PostAsync($"/api/v1/mailboxes/{_desk.MailboxId}/test", null)).ReadJsonAsync();
        test["ok"]!.GetValue<bool>().ShouldBeFalse();
        test.Str("imap").ShouldContain("'Done' does not exist");

        // Once it exists, the next poll moves what was processed, old and new.
        await MailServer.CreateFolderAsync(support, "Done");
        await MailServer.SendAsync(MailServer.Mail(customer, support, "Scanner offline", "Floor 3."));
        await _desk.TicketsOfAsync(customer, atLeast: 2);
        await Eventually.GetAsync(async () =>
        {
            await PollNowAsync();
            return await MailServer.CountAsync(support, "Done") == 2 && await MailServer.CountAsync(support, "INBOX") == 0;
        }, "both mails moved to Done");
        (await LastErrorAsync()).ShouldBeNull();

        async Task<string?> LastErrorAsync() =>
            (await _desk.Admin.Api.GetJsonAsync("/api/v1/mailboxes"))["items"]!.AsArray().Single(m => m!.Str("address") == support)!["lastError"]?.GetValue<string>();
    }

    [Fact]
    public async Task A_mailbox_is_changed_paused_and_resumed_and_keeps_its_password()
    {
        var (admin, mailboxId, support) = await MailboxAsync();
        var other = await MailDesk.ConnectAsync(app);

        (await admin.Api.PatchJsonAsync("/api/v1/mailboxes/999999", new { pollSeconds = 30 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.Api.PatchJsonAsync($"/api/v1/mailboxes/{mailboxId}", new { address = other.Support })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var invalid = await admin.Api.PatchJsonAsync($"/api/v1/mailboxes/{mailboxId}", new { pollSeconds = 5 });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.ReadJsonAsync())["errors"]!["pollSeconds"].ShouldNotBeNull();
        var agent = await app.CreateUserAsync(Roles.Agent);
        (await agent.Api.PatchJsonAsync($"/api/v1/mailboxes/{mailboxId}", new { active = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var paused = await admin.Api.PatchJsonAsync($"/api/v1/mailboxes/{mailboxId}", new { displayName = "Help Desk", pollSeconds = 30, active = false });
        paused.StatusCode.ShouldBe(HttpStatusCode.OK, await paused.Content.ReadAsStringAsync());
        var dto = await paused.ReadJsonAsync();
        dto.Str("displayName").ShouldBe("Help Desk");
        dto["pollSeconds"]!.GetValue<int>().ShouldBe(30);
        dto["active"]!.GetValue<bool>().ShouldBeFalse();
        dto.ToJsonString().ShouldNotContain(MailServer.Password);
        // The password was left out, so it was kept: both connections still work.
        (await (await admin.Api.PostAsync($"/api/v1/mailboxes/{mailboxId}/test", null)).ReadJsonAsync())["ok"]!.GetValue<bool>().ShouldBeTrue();

        // Paused: mail waits on the server.
        var customer = await MailServer.AddAccountAsync("paula");
        await MailServer.SendAsync(MailServer.Mail(customer, support, "Badge does not open the door", "Building C."));
        await PollNowAsync();
        app.WithDb(db => db.InboundMails.Count(m => m.MailboxId == mailboxId)).ShouldBe(0);

        // Active again: it is read, and the display name is on the acknowledgement.
        (await admin.Api.PatchJsonAsync($"/api/v1/mailboxes/{mailboxId}", new { active = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var number = await TicketOfAsync(customer);
        var ack = await MailServer.WaitForMailAsync(customer, m => (m.Subject ?? "").Contains($"[#{number}]", StringComparison.Ordinal));
        ack.From.Mailboxes.Single().Name.ShouldBe("Help Desk");

        // A wrong password given now is stored, and the test says so.
        (await admin.Api.PatchJsonAsync($"/api/v1/mailboxes/{mailboxId}", new { imap = new { password = "wrong-password-9" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await admin.Api.PostAsync($"/api/v1/mailboxes/{mailboxId}/test", null)).ReadJsonAsync()).Str("imap").ShouldContain("refused the user name or password");
    }

    [Fact]
    public async Task The_connection_test_says_what_is_wrong_in_plain_words()
    {
        var (admin, mailboxId, _) = await MailboxAsync();
        var ok = await (await admin.Api.PostAsync($"/api/v1/mailboxes/{mailboxId}/test", null)).ReadJsonAsync();
        ok["ok"]!.GetValue<bool>().ShouldBeTrue(ok.ToJsonString());

        var wrong = await admin.Api.PostAsJsonAsync("/api/v1/mailboxes", new
        {
            address = $"wrong-{Guid.NewGuid():N}@desk.test",
            imap = new { host = MailServer.Host, port = MailServer.ImapPort, security = "None", username = "nobody@desk.test", password = "nope" },
            smtp = new { host = MailServer.Host, port = 1, security = "None" },
        });
        var id = (await wrong.ReadJsonAsync())["id"]!.GetValue<long>();
        var report = await (await admin.Api.PostAsync($"/api/v1/mailboxes/{id}/test", null)).ReadJsonAsync();
        report["ok"]!.GetValue<bool>().ShouldBeFalse();
        report.Str("imap").ShouldContain("user name or password");
        report.Str("smtp").ShouldContain("connection refused");

        var invalid = await admin.Api.PostAsJsonAsync("/api/v1/mailboxes", new { address = "not-an-address", imap = new { port = 0, security = "Maybe" } });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await invalid.ReadJsonAsync())["errors"]!;
        errors["address"].ShouldNotBeNull();
        errors["imap.security"].ShouldNotBeNull();
        errors["smtp"].ShouldNotBeNull();
    }
}

public sealed class SqliteEmailChannelTests(SqliteApp app) : EmailChannelTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEmailChannelTests(PostgresApp app) : EmailChannelTests(app), IClassFixture<PostgresApp>;
