using Frontdesk.Common.Security;
using System.Net;
using System.Net.Http.Headers;
using Frontdesk.IntegrationTests.Infrastructure;

namespace Frontdesk.IntegrationTests.Api;

public abstract class AuthorizationTests(FrontdeskApp app)
{
    private static readonly string Canary = "canary" + Guid.NewGuid().ToString("N")[..8];

    private async Task<(TestUser Agent, TestUser Owner, TestUser Other, long Number)> TicketOfAnotherCustomerAsync()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var owner = await app.CreateUserAsync(Roles.Customer);
        var other = await app.CreateUserAsync(Roles.Customer);
        var n = (await owner.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Salary slip missing zebra", body = "Where is my slip?" })).Number();
        return (agent, owner, other, n);
    }

    [Fact]
    public async Task Customer_cannot_read_list_or_search_another_customers_ticket()
    {
        var (_, owner, other, n) = await TicketOfAnotherCustomerAsync();
        (await other.Api.GetAsync($"/api/v1/tickets/{n}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Api.GetAsync($"/api/v1/tickets/{n}/messages")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Api.GetAsync($"/api/v1/tickets/{n}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Api.GetJsonAsync("/api/v1/tickets?limit=100")).Numbers().ShouldNotContain(n);
        (await other.Api.GetJsonAsync("/api/v1/tickets?q=zebra")).Numbers().ShouldNotContain(n);
        (await other.Api.GetJsonAsync($"/api/v1/tickets?requester={Uri.EscapeDataString(owner.Email)}")).Numbers().ShouldBeEmpty();
        (await other.Api.PostAsJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "let me in" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The owner sees it everywhere.
        (await owner.Api.GetJsonAsync("/api/v1/tickets?q=zebra")).Numbers().ShouldContain(n);
    }

    [Fact]
    public async Task Customer_cannot_download_an_attachment_of_another_customers_ticket()
    {
        var (_, owner, other, n) = await TicketOfAnotherCustomerAsync();
        var attachment = await UploadAsync(owner.Api, n, "slip.pdf", "application/pdf", "%PDF-1.4 salary", isInternal: false);
        var id = attachment["id"]!.GetValue<long>();
        (await owner.Api.GetAsync($"/api/v1/tickets/{n}/attachments/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.Api.GetAsync($"/api/v1/tickets/{n}/attachments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Api.GetAsync($"/api/v1/tickets/{n}/attachments")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Guessing the id under one's own ticket does not work either.
        var mine = (await other.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Mine", body = "x" })).Number();
        (await other.Api.GetAsync($"/api/v1/tickets/{mine}/attachments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Internal_notes_never_reach_the_customer()
    {
        var (agent, owner, _, n) = await TicketOfAnotherCustomerAsync();
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = $"Internal: {Canary} user is on the watch list", @internal = true });
        var file = await UploadAsync(agent.Api, n, "notes.txt", "text/plain", Canary, isInternal: true);
        var fileId = file["id"]!.GetValue<long>();

        var agentView = await agent.Api.GetStringAsync($"/api/v1/tickets/{n}/messages");
        agentView.ShouldContain(Canary);
        (await agent.Api.GetJsonAsync($"/api/v1/tickets?q={Canary}")).Numbers().ShouldContain(n);

        foreach (var url in new[] { $"/api/v1/tickets/{n}", $"/api/v1/tickets/{n}/messages", $"/api/v1/tickets/{n}/history", $"/api/v1/tickets/{n}/attachments", "/api/v1/tickets" })
        {
            var body = await owner.Api.GetStringAsync(url);
            body.ShouldNotContain(Canary, customMessage: url);
            body.ShouldNotContain("notes.txt", customMessage: url);
        }
        (await owner.Api.GetJsonAsync($"/api/v1/tickets?q={Canary}")).Numbers().ShouldBeEmpty();
        (await owner.Api.GetAsync($"/api/v1/tickets/{n}/attachments/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Customer_cannot_write_internal_notes_change_tickets_or_pick_a_team()
    {
        var (_, owner, _, n) = await TicketOfAnotherCustomerAsync();
        (await owner.Api.PostAsJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "psst", @internal = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await owner.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = "Closed" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await owner.Api.PostAsJsonAsync("/api/v1/tickets", new { subject = "x", body = "y", team = "1" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await owner.Api.PostAsJsonAsync("/api/v1/tickets", new { subject = "x", body = "y", requesterEmail = "someone.else@example.com" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await owner.Api.GetAsync("/api/v1/people")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Agent_cannot_do_admin_things()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        (await agent.Api.PostAsJsonAsync("/api/v1/teams", new { name = "Shadow IT", tier = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.Api.PostAsJsonAsync("/api/v1/organizations", new { name = "Evil Corp" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.Api.PutAsJsonAsync("/api/v1/priority-matrix", new[] { new { impact = "low", urgency = "low", priority = "critical" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await app.SignInAsync(FrontdeskApp.AdminEmail);
        (await admin.Api.PostAsJsonAsync("/api/v1/teams", new { name = $"Team {Guid.NewGuid():N}", tier = 2 })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Organization_members_see_each_others_tickets_only_when_an_admin_allows_it()
    {
        var admin = await app.SignInAsync(FrontdeskApp.AdminEmail);
        var org = await admin.Api.PostJsonAsync("/api/v1/organizations", new { name = $"Contoso {Guid.NewGuid():N}" });
        var orgId = org["id"]!.GetValue<long>();
        var anna = await app.CreateUserAsync(Roles.Customer, organizationId: orgId);
        var ben = await app.CreateUserAsync(Roles.Customer, organizationId: orgId);
        var n = (await anna.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Team drive full", body = "no space" })).Number();

        (await ben.Api.GetAsync($"/api/v1/tickets/{n}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.Api.PatchJsonAsync($"/api/v1/organizations/{orgId}", new { membersSeeAllTickets = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ben.Api.GetAsync($"/api/v1/tickets/{n}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ben.Api.GetJsonAsync("/api/v1/tickets")).Numbers().ShouldContain(n);
    }

    [Fact]
    public async Task Requests_without_a_valid_token_get_401_and_a_revoked_token_stops_working()
    {
        var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/v1/tickets")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "fd_not-a-real-token");
        (await anonymous.GetAsync("/api/v1/tickets")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var agent = await app.CreateUserAsync(Roles.Agent);
        var tokens = await agent.Api.GetJsonAsync("/api/v1/auth/tokens");
        var id = tokens.AsArray().Single()!["id"]!.GetValue<long>();
        tokens.ToJsonString().ShouldNotContain(agent.Token);
        (await agent.Api.DeleteAsync($"/api/v1/auth/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await agent.Api.GetAsync("/api/v1/tickets")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_account_get_the_same_answer()
    {
        var client = app.CreateClient();
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email = FrontdeskApp.AdminEmail, password = "not-the-password-1", name = "x" });
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email = "nobody@frontdesk.test", password = "not-the-password-1", name = "x" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrong.ReadJsonAsync()).Str("detail").ShouldBe((await unknown.ReadJsonAsync()).Str("detail"));
    }

    internal static async Task<System.Text.Json.Nodes.JsonNode> UploadAsync(HttpClient api, long n, string name, string type, string content, bool isInternal)
    {
        using var form = new MultipartFormDataContent();
        var file = new StringContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        form.Add(new StringContent(isInternal ? "true" : "false"), "internal");
        var response = await api.PostAsync($"/api/v1/tickets/{n}/attachments", form);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return System.Text.Json.Nodes.JsonNode.Parse(body)!;
    }
}

public sealed class SqliteAuthorizationTests(SqliteApp app) : AuthorizationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuthorizationTests(PostgresApp app) : AuthorizationTests(app), IClassFixture<PostgresApp>;
