using Frontdesk.Common.Security;
using System.Net;
using Frontdesk.Email.Domain;
using Frontdesk.Email.Outbox;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.IntegrationTests.Hostile;

/// <summary>
/// A new admin adds a mailbox whose mail server refuses connections (issue 11): demo tickets mail
/// nobody, and a real ticket's history says a reminder was queued, never that it was sent.
/// </summary>
public sealed class MailHistoryTruthTests
{
    [Fact]
    public async Task Demo_tickets_never_mail_anyone_and_history_says_sent_only_when_the_server_took_the_mail()
    {
        await using var app = new SqliteApp
        {
            Settings = new Dictionary<string, string>
            {
                ["Frontdesk:Demo:Enabled"] = "true",
                ["Frontdesk:Demo:Tickets"] = "40",
                ["Frontdesk:Email:Enabled"] = "false", // the test runs the sender itself
            },
        };
        await app.InitializeAsync();
        var admin = await app.SignInAsync(FrontdeskApp.AdminEmail);
        app.WithDb(db => db.Tickets.Count(t => t.IsDemo)).ShouldBe(40);
        await MailDesk.AddUnreachableAsync(admin, "refusing");
        var customer = await app.CreateUserAsync(Roles.Customer);
        var number = (await customer.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Real ticket", body = "Please help" })).Number();
        (await admin.Api.PatchJsonAsync($"/api/v1/tickets/{number}", new { status = "Waiting for customer" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Everything waiting on a customer has been quiet for ten days.
        var longAgo = TimeProvider.System.GetUtcNow().AddDays(-10);
        app.WithDb(db => db.Tickets.Where(t => t.StatusCategory == Frontdesk.Tickets.Domain.StatusCategory.Pending)
            .ExecuteUpdate(s => s.SetProperty(t => t.UpdatedAt, longAgo)));
        app.WithDb(db => db.Tickets.Count(t => t.IsDemo && t.StatusCategory == Frontdesk.Tickets.Domain.StatusCategory.Pending)).ShouldBeGreaterThan(0);

        await app.Services.GetRequiredService<ReminderWorker>().RemindDueAsync(CancellationToken.None);
        await app.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);

        var demoTickets = app.WithDb(db => db.Tickets.Where(t => t.IsDemo).Select(t => t.Id).ToList());
        app.WithDb(db => db.OutboundMails.Count(o => o.TicketId != null && demoTickets.Contains(o.TicketId.Value))).ShouldBe(0);
        app.WithDb(db => db.OutboundMails.Single(o => o.TicketId == number)).Status.ShouldBe(OutboundMailStatus.Queued); // refused: tried again later

        var history = (await admin.Api.GetJsonAsync($"/api/v1/tickets/{number}/history"))["items"]!.AsArray();
        history.ShouldContain(e => e!["field"]!.GetValue<string>() == "reminder" && e["newValue"]!.GetValue<string>() == $"queued for {customer.Email}");
        history.ShouldNotContain(e => (e!["newValue"]!.GetValue<string?>() ?? "").Contains("sent", StringComparison.Ordinal));
    }
}
