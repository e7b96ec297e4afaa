using Frontdesk.Common.Security;
using System.Net;
using Frontdesk.Email.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.IntegrationTests.Infrastructure;

/// <summary>A desk with one mailbox on the test mail server, polled on demand rather than by its timer.</summary>
public sealed class MailDesk
{
    private readonly FrontdeskApp _app;

    private MailDesk(FrontdeskApp app, TestUser admin, long mailboxId, string support)
    {
        _app = app;
        Admin = admin;
        MailboxId = mailboxId;
        Support = support;
    }

    public TestUser Admin { get; }
    public long MailboxId { get; }

    /// <summary>The mailbox's address: customers write to it.</summary>
    public string Support { get; }

    /// <param name="support">An existing account to connect, for mail that was there before; a new one when null.</param>
    /// <param name="processedFolder">The folder processed mail moves to; none when null.</param>
    public static async Task<MailDesk> ConnectAsync(FrontdeskApp app, int? maxMegabytes = null, string? support = null, string? processedFolder = null)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        support ??= await MailServer.AddAccountAsync("support", "desk.test");
        var response = await admin.Api.PostAsJsonAsync("/api/v1/mailboxes", new
        {
            address = support,
            imap = new { host = MailServer.Host, port = MailServer.ImapPort, security = "None", username = support, password = MailServer.Password, folder = "INBOX", processedFolder },
            smtp = new { host = MailServer.Host, port = MailServer.SmtpPort, security = "None" },
            pollSeconds = 10,
            maxMessageMegabytes = maxMegabytes,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var mailbox = await response.ReadJsonAsync();
        mailbox.ToJsonString().ShouldNotContain(MailServer.Password);
        return new MailDesk(app, admin, mailbox["id"]!.GetValue<long>(), support);
    }

    /// <summary>A mailbox whose servers refuse every connection (port 1 on this machine): a poll fails at once and says so.</summary>
    public static async Task<long> AddUnreachableAsync(TestUser admin, string name) =>
        (await admin.Api.PostJsonAsync("/api/v1/mailboxes", new
        {
            address = $"{name}-{Guid.NewGuid():N}@desk.test",
            pollSeconds = 3600,
            imap = new { host = "127.0.0.1", port = 1, security = "None", username = name, password = "unreachable-password" },
            smtp = new { host = "127.0.0.1", port = 1, security = "None" },
        }))["id"]!.GetValue<long>();

    public Task PollAsync() => _app.Services.GetRequiredService<MailboxPoller>().PollAllAsync(CancellationToken.None);

    /// <summary>Polls until the sender has tickets; their numbers, newest first.</summary>
    public Task<List<long>> TicketsOfAsync(string requester, int atLeast = 1) =>
        Eventually.GetAsync(async () =>
        {
            await PollAsync();
            // 400 until the poller has met the sender as a person.
            var response = await Admin.Api.GetAsync($"/api/v1/tickets?requester={Uri.EscapeDataString(requester)}&sort=-created");
            if (response.StatusCode == HttpStatusCode.BadRequest) return null;
            var numbers = (await response.ReadJsonAsync()).Numbers().ToList();
            return numbers.Count < atLeast ? null : numbers;
        }, $"{atLeast} ticket(s) from {requester}");

    public async Task<long> TicketOfAsync(string requester) => (await TicketsOfAsync(requester))[0];
}
