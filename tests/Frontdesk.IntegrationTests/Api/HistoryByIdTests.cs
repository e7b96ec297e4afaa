using Frontdesk.Common.Security;
using System.Net;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.IntegrationTests.Api;

/// <summary>
/// The history keeps ids and status categories, and shows today's names: renaming a status or a
/// team does not rewrite the audit trail, and reports can count on categories (issue 12).
/// </summary>
public abstract class HistoryByIdTests(FrontdeskApp app)
{
    [Fact]
    public async Task Renaming_a_team_or_a_status_shows_in_the_history_without_rewriting_it()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var agent = await app.CreateUserAsync(Roles.Agent, name: "Ada Agent");
        var customer = await app.CreateUserAsync(Roles.Customer);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var first = (await admin.Api.PostJsonAsync("/api/v1/teams", new { name = $"Field service {suffix}" }))["id"]!.GetValue<long>();
        var second = (await admin.Api.PostJsonAsync("/api/v1/teams", new { name = $"Network {suffix}" }))["id"]!.GetValue<long>();
        var n = (await customer.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Switch port dead", body = "Desk 4" })).Number();
        foreach (var change in new object[] { new { team = first.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new { team = second.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                     new { assignee = agent.Email }, new { status = "pending" } })
        {
            var response = await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", change);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        // Renamed after the fact: the stored trail is not touched, the history shows today's names.
        app.WithDb(db => db.Teams.Where(t => t.Id == first).ExecuteUpdate(s => s.SetProperty(t => t.Name, $"On-site support {suffix}")));
        var before = app.WithDb(db => db.TicketEvents.Where(e => e.TicketId == n).OrderBy(e => e.Id).Select(e => e.OldValue + "|" + e.NewValue).ToList());
        var history = (await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}/history"))["items"]!.AsArray().Select(e => e!).ToList();
        app.WithDb(db => db.TicketEvents.Where(e => e.TicketId == n).OrderBy(e => e.Id).Select(e => e.OldValue + "|" + e.NewValue).ToList()).ShouldBe(before);

        var created = history.Single(e => e.Str("field") == "created");
        created.Str("newValue").ShouldBe("Switch port dead");
        created.Str("newCategory").ShouldBe("new");
        var teams = history.Where(e => e.Str("field") == "team").ToList();
        teams[0].Str("newValue").ShouldBe($"On-site support {suffix}");
        teams[0]["newId"]!.GetValue<long>().ShouldBe(first);
        teams[1].Str("oldValue").ShouldBe($"On-site support {suffix}");
        teams[1].Str("newValue").ShouldBe($"Network {suffix}");
        history.Single(e => e.Str("field") == "assignee").Str("newValue").ShouldBe("Ada Agent");
        var status = history.Single(e => e.Str("field") == "status");
        status.Str("oldCategory").ShouldBe("new");
        status.Str("newCategory").ShouldBe("pending");
        status.Str("newValue").ShouldBe("Waiting for customer");

        // The customer sees the status change with its categories, and no team or assignee.
        var theirs = (await customer.Api.GetJsonAsync($"/api/v1/tickets/{n}/history"))["items"]!.AsArray().Select(e => e!.Str("field")).ToList();
        theirs.ShouldContain("status");
        theirs.ShouldNotContain("team");
        theirs.ShouldNotContain("assignee");
    }
}

public sealed class SqliteHistoryByIdTests(SqliteApp app) : HistoryByIdTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHistoryByIdTests(PostgresApp app) : HistoryByIdTests(app), IClassFixture<PostgresApp>;
