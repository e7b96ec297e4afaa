using Frontdesk.Common.Security;
using System.Net;
using Frontdesk.IntegrationTests.Infrastructure;

namespace Frontdesk.IntegrationTests.Api;

public abstract class TicketLifecycleTests(FrontdeskApp app)
{
    [Fact]
    public async Task Creating_a_ticket_answers_201_with_its_number_and_location()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var response = await agent.Api.PostAsJsonAsync("/api/v1/tickets",
            new { subject = "VPN drops every hour", body = "Since Monday.", requesterEmail = "maria.lopez@example.com", requesterName = "Maria López" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticket = await response.ReadJsonAsync();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/tickets/{ticket.Number()}");
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        ticket.Str("statusCategory").ShouldBe("new");
        ticket.Str("channel").ShouldBe("api");
        ticket["requester"]!.Str("name").ShouldBe("Maria López");
        ticket["requester"]!.Str("email").ShouldBe("maria.lopez@example.com");
    }

    [Fact]
    public async Task The_created_answer_is_the_ticket_as_stored_even_for_names_added_a_moment_ago()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var org = await (await admin.Api.PostAsJsonAsync("/api/v1/organizations", new { name = $"Harbor {suffix}", domain = $"harbor-{suffix}.example" })).ReadJsonAsync();
        var team = await (await admin.Api.PostAsJsonAsync("/api/v1/teams", new { name = $"Field {suffix}", tier = 2 })).ReadJsonAsync();
        // Added behind the API's back: the in-memory catalog must still find it.
        app.WithDb(db =>
        {
            db.Categories.Add(new Frontdesk.Tickets.Domain.ServiceCategory { Name = $"Scanners {suffix}" });
            return db.SaveChanges();
        });

        var response = await admin.Api.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Scanner on floor 2 is offline",
            body = "It shows a red light.",
            requesterEmail = $"ines@harbor-{suffix}.example",
            team = $"Field {suffix}",
            category = $"Scanners {suffix}",
            tags = new[] { "scanner", "floor-2" },
            impact = "high",
            urgency = "low",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.ReadJsonAsync();
        created["organization"]!.Str("name").ShouldBe($"Harbor {suffix}");
        created["team"]!["id"]!.GetValue<long>().ShouldBe(team["id"]!.GetValue<long>());
        created["organization"]!["id"]!.GetValue<long>().ShouldBe(org["id"]!.GetValue<long>());
        created["category"]!.Str("name").ShouldBe($"Scanners {suffix}");
        created.Str("priority").ShouldBe("medium");

        var stored = await admin.Api.GetJsonAsync($"/api/v1/tickets/{created.Number()}");
        created.ToJsonString().ShouldBe(stored.ToJsonString());
    }

    [Fact]
    public async Task A_ticket_goes_from_new_through_pending_and_resolved_to_closed()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var customer = await app.CreateUserAsync(Roles.Customer);
        var ticket = await customer.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Monitor flickers", body = "Left screen flickers." });
        var n = ticket.Number();
        ticket["requester"]!["id"]!.GetValue<long>().ShouldBe(customer.PersonId);

        // The first public reply by an agent opens the ticket and counts as the first response.
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "Which model is it?" });
        var opened = await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}");
        opened.Str("statusCategory").ShouldBe("open");
        opened["firstRespondedAt"].ShouldNotBeNull();

        (await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = "Waiting for customer" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The customer's answer wakes the waiting ticket.
        await customer.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "A Dell U2720Q." });
        (await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}")).Str("statusCategory").ShouldBe("open");

        (await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = "Resolved" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}"))["resolvedAt"].ShouldNotBeNull();
        (await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = "Closed" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}");
        closed.Str("statusCategory").ShouldBe("closed");
        closed["closedAt"].ShouldNotBeNull();

        var history = await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}/history");
        var statusChanges = history["items"]!.AsArray().Where(e => e!.Str("field") == "status").Select(e => e!.Str("newValue")).ToList();
        statusChanges.ShouldBe(["Open", "Waiting for customer", "Open", "Resolved", "Closed"]);
    }

    [Fact]
    public async Task A_closed_ticket_takes_no_replies_and_cannot_be_reopened()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var n = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Old laptop", body = "Return it", requesterEmail = "x1@example.com" })).Number();
        (await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = "Closed" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reply = await agent.Api.PostAsJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "one more thing" });
        reply.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await reply.ReadJsonAsync()).Str("detail").ShouldContain("follow-up");

        var reopen = await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = "Open" });
        reopen.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}")).Str("statusCategory").ShouldBe("closed");
    }

    [Fact]
    public async Task Priority_follows_the_matrix_and_a_manual_override_needs_a_reason()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var ticket = await agent.Api.PostJsonAsync("/api/v1/tickets",
            new { subject = "Payroll system down", body = "Nobody can log in", requesterEmail = "payroll@example.com", impact = "high", urgency = "high" });
        ticket.Str("priority").ShouldBe("critical");
        var n = ticket.Number();

        var noReason = await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { priority = "low" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.ReadJsonAsync())["errors"]!["priorityReason"].ShouldNotBeNull();

        var overridden = await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { priority = "low", priorityReason = "Only a test system is down" });
        var body = await overridden.ReadJsonAsync();
        body.Str("priority").ShouldBe("low");
        body.Str("priorityOverrideReason").ShouldBe("Only a test system is down");

        // While overridden, reclassifying does not move the priority; "auto" hands it back to the matrix.
        (await (await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { urgency = "medium" })).ReadJsonAsync()).Str("priority").ShouldBe("low");
        (await (await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { priority = "auto" })).ReadJsonAsync()).Str("priority").ShouldBe("high");
    }

    [Fact]
    public async Task An_admin_changes_the_priority_matrix_and_new_tickets_follow_it()
    {
        var admin = await app.SignInAsync(FrontdeskApp.AdminEmail);
        var put = await admin.Api.PutAsJsonAsync("/api/v1/priority-matrix", new[] { new { impact = "low", urgency = "high", priority = "high" } });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            var ticket = await admin.Api.PostJsonAsync("/api/v1/tickets",
                new { subject = "One printer down", body = "30 others work", requesterEmail = "p@example.com", impact = "low", urgency = "high" });
            ticket.Str("priority").ShouldBe("high");
        }
        finally
        {
            await admin.Api.PutAsJsonAsync("/api/v1/priority-matrix", new[] { new { impact = "low", urgency = "high", priority = "medium" } });
        }
    }
}

public sealed class SqliteTicketLifecycleTests(SqliteApp app) : TicketLifecycleTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTicketLifecycleTests(PostgresApp app) : TicketLifecycleTests(app), IClassFixture<PostgresApp>;
