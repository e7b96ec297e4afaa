using Frontdesk.Common.Security;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Frontdesk.Common.Http;
using Frontdesk.Demo;
using Frontdesk.Email.Domain;
using Frontdesk.Email.Outbox;
using Frontdesk.IntegrationTests.Infrastructure;
using Frontdesk.Tickets.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.IntegrationTests.Live;

/// <summary>
/// Every path that changes a ticket raises its events, dispatched once after the commit (issue 12):
/// each test listens on the node's <see cref="TicketNotifier"/>, as a live page does, and makes the
/// change the way that path makes it.
/// </summary>
public abstract class TicketEventTests(FrontdeskApp app) : IDisposable
{
    private readonly ConcurrentQueue<TicketSignal> _staff = new();
    private readonly ConcurrentQueue<TicketSignal> _customer = new();
    private readonly List<IDisposable> _subscriptions = [];

    public void Dispose()
    {
        foreach (var s in _subscriptions) s.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Listen(TestUser? customer = null)
    {
        var notifier = app.Services.GetRequiredService<TicketNotifier>();
        _subscriptions.Add(notifier.Subscribe(new Caller(0, 0, new HashSet<string> { Roles.Agent }), null, null, _staff.Enqueue));
        if (customer is not null)
        {
            var personId = app.WithDb(db => db.People.Single(p => p.Email == customer.Email).Id);
            _subscriptions.Add(notifier.Subscribe(new Caller(0, personId, new HashSet<string> { Roles.Customer }), null, null, _customer.Enqueue));
        }
    }

    /// <summary>The kinds heard about one ticket, in order.</summary>
    private static List<string> Kinds(IEnumerable<TicketSignal> heard, long ticket) =>
        heard.Where(s => s.Ticket == ticket).SelectMany(s => s.Kinds).ToList();

    [Fact]
    public async Task The_API_raises_opened_message_status_assignment_team_priority_fields_and_attachment()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var customer = await app.CreateUserAsync(Roles.Customer);
        Listen(customer);
        var team = (await admin.Api.PostJsonAsync("/api/v1/teams", new { name = $"Desk {Guid.NewGuid():N}"[..20] }))["id"]!.GetValue<long>();

        var n = (await customer.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Scanner offline", body = "Since Monday" })).Number();
        Kinds(_staff, n).ShouldBe(["opened", "message"]);
        _staff.Single(s => s.Ticket == n).Version.ShouldBe(1);

        (await agent.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "Only for us", @internal = true })).ShouldNotBeNull();
        (await agent.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "Looking into it" })).ShouldNotBeNull();
        foreach (var change in new object[]
                 {
                     new { assignee = agent.Email }, new { team = team.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                     new { impact = "high", urgency = "high" }, new { subject = "Scanner offline on floor 2", tags = new[] { "hardware" } },
                     new { status = "pending" },
                 })
        {
            var response = await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", change);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("hello"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "log.txt");
        (await agent.Api.PostAsync($"/api/v1/tickets/{n}/attachments", form)).StatusCode.ShouldBe(HttpStatusCode.Created);

        Kinds(_staff, n).ShouldBe([
            "opened", "message", "note", "status", "message", "assignee", "team", "impact", "urgency", "priority",
            "subject", "tags", "status", "attachment",
        ]);
        // One signal per commit, with the version that commit stored.
        _staff.Where(s => s.Ticket == n).Select(s => s.Version).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9]);

        // The customer hears of what they may see, and of no internal note or staff-only field.
        var theirs = _customer.Where(s => s.Ticket == n).ToList();
        theirs.ShouldAllBe(s => s.CustomerVisible);
        theirs.SelectMany(s => s.Kinds).ShouldNotContain("note");
        theirs.Count.ShouldBe(6); // opened, the reply (+ status), priority, subject, pending, attachment
    }

    [Fact]
    public async Task A_staff_reply_queues_its_mail_in_the_same_commit_and_a_failed_change_raises_nothing()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var customer = await app.CreateUserAsync(Roles.Customer);
        Listen();
        await MailDesk.AddUnreachableAsync(await app.CreateUserAsync(Roles.Admin), "events");
        var n = (await customer.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Mouse broken", body = "Left button" })).Number();
        (await agent.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "A new one is on its way" })).ShouldNotBeNull();
        (await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = "resolved" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // ReplyMailer heard the reply and the resolution before the commit: both mails are in the outbox.
        app.WithDb(db => db.OutboundMails.Where(o => o.TicketId == n).Select(o => o.Kind).ToList())
            .ShouldBe([OutboundMailKind.AgentReply, OutboundMailKind.Resolved], ignoreOrder: true);
        app.WithDb(db => db.Messages.Single(m => m.TicketId == n && m.AuthorId != null && m.Delivery != null)).ExternalMessageId.ShouldNotBeNull();

        var heard = _staff.Count(s => s.Ticket == n);
        // Refused by the workflow (resolved cannot go back to new): nothing stored, nothing heard.
        (await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = "new" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var stale = await agent.Api.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/tickets/{n}")
        {
            Content = JsonContent.Create(new { subject = "Renamed on an old version" }),
            Headers = { IfMatch = { new EntityTagHeaderValue("\"1\"") } },
        });
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        _staff.Count(s => s.Ticket == n).ShouldBe(heard);
    }

    [Fact]
    public async Task Mail_opens_tickets_and_adds_messages_by_the_same_path_and_outcomes_are_noted()
    {
        Listen();
        var desk = await MailDesk.ConnectAsync(app);
        var customer = await MailServer.AddAccountAsync("events");
        await MailServer.SendAsync(MailServer.Mail(customer, desk.Support, "Laptop fan loud", "It whistles."));
        var n = await desk.TicketOfAsync(customer);
        Kinds(_staff, n).ShouldBe(["opened", "message"]);
        _staff.Single(s => s.Ticket == n).CustomerVisible.ShouldBeTrue();

        await MailServer.SendAsync(MailServer.Mail(customer, desk.Support, $"Re: [#{n}] Laptop fan loud", "Still whistling."));
        await Eventually.GetAsync(async () =>
        {
            await desk.PollAsync();
            return Kinds(_staff, n).Count(k => k == "message") == 2;
        }, "the answer's event");
        // The acknowledgement went out: the outbox notes it on the ticket, which is an event too.
        await Eventually.GetAsync(async () =>
        {
            await app.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
            return Kinds(_staff, n).Contains("mail");
        }, "the acknowledgement's outcome on the ticket");
    }

    [Fact]
    public async Task Reminders_raise_their_event()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var customer = await app.CreateUserAsync(Roles.Customer);
        Listen();
        await MailDesk.AddUnreachableAsync(admin, "reminders");
        var n = (await customer.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Waiting ticket", body = "Please help" })).Number();
        (await admin.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = "Waiting for customer" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var longAgo = TimeProvider.System.GetUtcNow().AddDays(-10);
        app.WithDb(db => db.Tickets.Where(t => t.Id == n).ExecuteUpdate(s => s.SetProperty(t => t.UpdatedAt, longAgo)));

        await app.Services.GetRequiredService<ReminderWorker>().RemindDueAsync(CancellationToken.None);
        Kinds(_staff, n).ShouldContain("reminder");

    }
}

public sealed class SqliteTicketEventTests(SqliteApp app) : TicketEventTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTicketEventTests(PostgresApp app) : TicketEventTests(app), IClassFixture<PostgresApp>;

public sealed class DemoEventTests
{
    [Fact]
    public async Task Demo_data_opens_its_tickets_by_the_path_every_channel_takes()
    {
        await using var app = new SqliteApp();
        await app.InitializeAsync();
        var heard = new ConcurrentQueue<TicketSignal>();
        using var subscription = app.Services.GetRequiredService<TicketNotifier>().Subscribe(new Caller(0, 0, new HashSet<string> { Roles.Agent }), null, null, heard.Enqueue);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataGenerator>().GenerateAsync(new Frontdesk.Demo.DemoOptions { Tickets = 12 }, CancellationToken.None);
        }
        heard.Count(s => s.Kinds.Contains("opened")).ShouldBe(12);
        heard.Where(s => s.Kinds.Contains("opened")).ShouldAllBe(s => s.Kinds.Contains("message"));
        app.WithDb(db => db.Tickets.Count(t => t.IsDemo)).ShouldBe(12);
    }
}
