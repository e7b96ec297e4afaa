using Frontdesk.Common.Security;
using System.Net;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.IntegrationTests.Directory;

public abstract class DirectoryTests(FrontdeskApp app)
{
    [Fact]
    public async Task Staff_keep_a_persons_details_up_to_date_but_cannot_change_their_address()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var person = await agent.Api.PostJsonAsync("/api/v1/people", new { name = "Jon Fosse", email = $"jon-{Guid.NewGuid():N}@example.com" });
        var id = person["id"]!.GetValue<long>();
        var email = person.Str("email");
        app.WithDb(db => db.People.Where(p => p.Id == id).ExecuteUpdate(s => s.SetProperty(p => p.EmailFailure, "552 mailbox full")));

        var changed = await agent.Api.PatchJsonAsync($"/api/v1/people/{id}", new { phone = "+49 30 1234", timeZone = "America/Chicago", isVip = true, emailWorksAgain = true, email = "taken@evil.example" });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var after = await agent.Api.GetJsonAsync($"/api/v1/people/{id}");
        after.Str("phone").ShouldBe("+49 30 1234");
        after.Str("timeZone").ShouldBe("America/Chicago");
        after["isVip"]!.GetValue<bool>().ShouldBeTrue();
        after.Str("email").ShouldBe(email);
        after["emailFailure"].ShouldBeNull();
        after.Str("name").ShouldBe("Jon Fosse");

        var invalid = await agent.Api.PatchJsonAsync($"/api/v1/people/{id}", new { timeZone = "Mars/Olympus", managerId = id });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await invalid.ReadJsonAsync())["errors"]!;
        errors["timeZone"].ShouldNotBeNull();
        errors["managerId"].ShouldNotBeNull();

        var customer = await app.CreateUserAsync(Roles.Customer);
        (await customer.Api.PatchJsonAsync($"/api/v1/people/{id}", new { isVip = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_find_a_caller_by_any_written_form_of_their_number()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var suffix = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await agent.Api.PostJsonAsync("/api/v1/people", new
        {
            name = "Grace Hopper", email = $"grace-{Guid.NewGuid():N}@example.com", phone = $"+49 (30) 90-{suffix}", mobilePhone = $"+1 312 555 {suffix[..4]}",
        });
        var id = created["id"]!.GetValue<long>();
        var tooLong = await agent.Api.PostAsJsonAsync("/api/v1/people", new { name = "Long Number", email = $"long-{Guid.NewGuid():N}@example.com", phone = new string('1', 51) });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.ReadJsonAsync())["errors"]!["phone"].ShouldNotBeNull();
        created.Str("phoneE164").ShouldBe($"+493090{suffix}");
        created.Str("mobilePhoneE164").ShouldBe($"+1312555{suffix[..4]}");

        foreach (var written in new[] { $"+49 30 90{suffix}", $"+493090{suffix}", $"tel:+49-30-90-{suffix}", $"+1 (312) 555-{suffix[..4]}" })
        {
            var found = (await agent.Api.GetJsonAsync($"/api/v1/people?q={Uri.EscapeDataString(written)}"))["items"]!.AsArray();
            found.Select(p => p!["id"]!.GetValue<long>()).ShouldBe([id], written);
        }
        // Changing the number changes what finds the person.
        (await agent.Api.PatchJsonAsync($"/api/v1/people/{id}", new { phone = "ext. 4711" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.Api.GetJsonAsync($"/api/v1/people?q={Uri.EscapeDataString($"+49 30 90{suffix}")}"))["items"]!.AsArray().ShouldBeEmpty();
        (await agent.Api.GetJsonAsync($"/api/v1/people/{id}"))["phoneE164"].ShouldBeNull();
    }

    [Fact]
    public async Task An_admin_sets_who_is_in_a_team()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var a = await app.CreateUserAsync(Roles.Agent);
        var b = await app.CreateUserAsync(Roles.Agent);
        var c = await app.CreateUserAsync(Roles.Agent);
        var team = await admin.Api.PostJsonAsync("/api/v1/teams", new { name = $"Field {Guid.NewGuid():N}", tier = 2, memberIds = new[] { a.PersonId, b.PersonId } });
        var id = team["id"]!.GetValue<long>();

        var response = await admin.Api.PutAsJsonAsync($"/api/v1/teams/{id}/members", new { memberIds = new[] { b.PersonId, c.PersonId } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync())["memberIds"]!.AsArray().Select(m => m!.GetValue<long>()).ShouldBe(new[] { b.PersonId, c.PersonId }.Order());
        app.WithDb(db => db.TeamMembers.Where(m => m.TeamId == id).Select(m => m.PersonId).OrderBy(x => x).ToList()).ShouldBe(new[] { b.PersonId, c.PersonId }.Order());

        (await admin.Api.PutAsJsonAsync($"/api/v1/teams/{id}/members", new { memberIds = new[] { 999_999L } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await a.Api.PutAsJsonAsync($"/api/v1/teams/{id}/members", new { memberIds = Array.Empty<long>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.Api.PutAsJsonAsync("/api/v1/teams/999999/members", new { memberIds = Array.Empty<long>() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteDirectoryTests(SqliteApp app) : DirectoryTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDirectoryTests(PostgresApp app) : DirectoryTests(app), IClassFixture<PostgresApp>;
