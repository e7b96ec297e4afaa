using System.Net;
using System.Net.Http.Headers;
using Frontdesk.IntegrationTests.Infrastructure;

namespace Frontdesk.IntegrationTests.Contract;

/// <summary>
/// Who calls and what exists, for the tests that walk every endpoint: one account of each role
/// (and a second customer), a ticket of the customer's with a file, and one of each admin thing.
/// </summary>
public sealed class ApiWorld
{
    public static readonly string[] Roles = ["anonymous", "customer", "other-customer", "agent", "admin"];

    public required IReadOnlyDictionary<string, HttpClient> Clients { get; init; }
    public required long Ticket { get; init; }
    public required long Attachment { get; init; }
    public required long Person { get; init; }
    public required long Organization { get; init; }
    public required long Team { get; init; }
    public required long Mailbox { get; init; }
    public required long BlockedSender { get; init; }
    public required IReadOnlyDictionary<string, long> Tokens { get; init; }

    public static async Task<ApiWorld> CreateAsync(FrontdeskApp app)
    {
        var admin = await app.CreateUserAsync(Common.Security.Roles.Admin);
        var agent = await app.CreateUserAsync(Common.Security.Roles.Agent);
        var customer = await app.CreateUserAsync(Common.Security.Roles.Customer);
        var other = await app.CreateUserAsync(Common.Security.Roles.Customer);
        var ticket = (await customer.Api.PostJsonAsync("/api/v1/tickets", new { subject = "The walker's ticket", body = "x" })).Number();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("hello"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "hello.txt");
        var attachment = (await (await customer.Api.PostAsync($"/api/v1/tickets/{ticket}/attachments", form)).ReadJsonAsync())["id"]!.GetValue<long>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var organization = (await admin.Api.PostJsonAsync("/api/v1/organizations", new { name = $"Walker org {suffix}", domain = $"walker-{suffix}.example" }))["id"]!.GetValue<long>();
        var team = (await admin.Api.PostJsonAsync("/api/v1/teams", new { name = $"Walker team {suffix}" }))["id"]!.GetValue<long>();
        var mailbox = await MailDesk.AddUnreachableAsync(admin, "walker");
        // Paused: nothing polls port 1 while the walk runs.
        (await admin.Api.PatchAsJsonAsync($"/api/v1/mailboxes/{mailbox}", new { active = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var blocked = (await admin.Api.PostJsonAsync("/api/v1/blocked-senders", new { pattern = $"@blocked-{suffix}.example" }))["id"]!.GetValue<long>();
        var tokens = new Dictionary<string, long>();
        foreach (var (role, user) in new[] { ("customer", customer), ("other-customer", other), ("agent", agent), ("admin", admin) })
        {
            tokens[role] = (await user.Api.GetJsonAsync("/api/v1/auth/tokens")).AsArray().Last()!["id"]!.GetValue<long>();
        }
        return new ApiWorld
        {
            Clients = new Dictionary<string, HttpClient>
            {
                ["anonymous"] = app.CreateClient(new() { AllowAutoRedirect = false }),
                ["customer"] = customer.Api,
                ["other-customer"] = other.Api,
                ["agent"] = agent.Api,
                ["admin"] = admin.Api,
            },
            Ticket = ticket,
            Attachment = attachment,
            Person = customer.PersonId,
            Organization = organization,
            Team = team,
            Mailbox = mailbox,
            BlockedSender = blocked,
            Tokens = tokens,
        };
    }
}
