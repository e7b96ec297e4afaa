using Frontdesk.Common.Security;
using System.Net;
using Frontdesk.IntegrationTests.Infrastructure;

namespace Frontdesk.IntegrationTests.Api;

public abstract class TicketApiBehaviourTests(FrontdeskApp app)
{
    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_makes_one_ticket()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var key = Guid.NewGuid().ToString();
        var body = new { subject = "Keyboard missing keys", body = "The E key fell off", requesterEmail = $"kb-{key}@example.com" };
        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await agent.Api.SendAsync(request);
        }
        var responses = await Task.WhenAll(SendAsync(), SendAsync(), SendAsync());
        var numbers = new List<long>();
        foreach (var r in responses)
        {
            r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            numbers.Add((await r.ReadJsonAsync()).Number());
        }
        numbers.Distinct().Count().ShouldBe(1);
        var again = await SendAsync();
        again.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        (await again.ReadJsonAsync()).Number().ShouldBe(numbers[0]);
        (await agent.Api.GetJsonAsync($"/api/v1/tickets?requester={Uri.EscapeDataString(body.requesterEmail)}")).Numbers().Count().ShouldBe(1);

        using var different = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets")
        {
            Content = JsonContent.Create(new { subject = "Another thing", body = "x", requesterEmail = body.requesterEmail }),
        };
        different.Headers.Add("Idempotency-Key", key);
        var reused = await agent.Api.SendAsync(different);
        reused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reused.ReadJsonAsync())["errors"]!["Idempotency-Key"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Tickets_created_at_the_same_moment_as_a_refused_one_are_all_stored()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var requester = $"burst-{Guid.NewGuid():N}@example.com";
        var key = Guid.NewGuid().ToString();
        Task<HttpResponseMessage> Create(string subject, string? idempotencyKey)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets")
            {
                Content = JsonContent.Create(new { subject, body = "burst", requesterEmail = requester }),
            };
            if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
            return agent.Api.SendAsync(request);
        }
        // Same-key twins race inside one burst of distinct tickets: only the twins may collapse.
        var burst = Enumerable.Range(0, 12).Select(i => i % 4 == 0 ? Create("Twin", key) : Create($"Distinct {i}", null)).ToList();
        var responses = await Task.WhenAll(burst);
        foreach (var r in responses) r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var numbers = new List<long>();
        foreach (var r in responses) numbers.Add((await r.ReadJsonAsync()).Number());
        numbers.Distinct().Count().ShouldBe(9 + 1);
        var stored = (await agent.Api.GetJsonAsync($"/api/v1/tickets?requester={Uri.EscapeDataString(requester)}&limit=100")).Numbers().ToList();
        stored.ShouldBe(numbers.Distinct(), ignoreOrder: true);
    }

    [Fact]
    public async Task A_stale_update_gets_412_and_loses_nothing()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var created = await agent.Api.PostAsJsonAsync("/api/v1/tickets", new { subject = "Teams calls drop", body = "x", requesterEmail = "teams@example.com" });
        var etag = created.Headers.ETag!.Tag;
        var n = (await created.ReadJsonAsync()).Number();

        var first = await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { subject = "Teams calls drop after 5 minutes" }, etag);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag!.Tag.ShouldNotBe(etag);

        var stale = await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { subject = "Overwritten?" }, etag);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        stale.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}")).Str("subject").ShouldBe("Teams calls drop after 5 minutes");

        var fresh = await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { subject = "Teams calls drop (all users)" }, first.Headers.ETag!.Tag);
        fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Invalid_input_gets_a_problem_with_the_fields_to_fix()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var response = await agent.Api.PostAsJsonAsync("/api/v1/tickets", new { subject = "", body = "", requesterEmail = "not-an-address", channel = "fax", tags = new[] { "Bad Tag!" } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["subject", "body", "channel", "tags", "requesterEmail"], ignoreOrder: true);
        errors["channel"]![0]!.GetValue<string>().ShouldContain("walk-in");

        var broken = await agent.Api.PostAsync("/api/v1/tickets", new StringContent("{\"subject\": ", System.Text.Encoding.UTF8, "application/json"));
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await broken.ReadJsonAsync()).Str("title").ShouldNotBeEmpty();

        (await agent.Api.GetAsync("/api/v1/tickets?status=sleeping")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await agent.Api.GetAsync("/api/v1/tickets?limit=5000")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await agent.Api.GetAsync("/api/v1/tickets?cursor=garbage!")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Pages_stay_stable_while_new_tickets_arrive()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var requester = $"paging-{Guid.NewGuid():N}@example.com";
        var original = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            original.Add((await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = $"Paging {i}", body = "x", requesterEmail = requester })).Number());
        }
        foreach (var sort in new[] { "-updated", "created" })
        {
            var seen = new List<long>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var url = $"/api/v1/tickets?requester={Uri.EscapeDataString(requester)}&limit=3&sort={sort}" + (cursor is null ? "" : $"&cursor={cursor}");
                var page = await agent.Api.GetJsonAsync(url);
                seen.AddRange(page.Numbers());
                cursor = page["next"]?.GetValue<string>();
                // A new ticket lands between page reads: it must not shift or repeat what comes next.
                original.Add((await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = $"Arrived during paging {pages}", body = "x", requesterEmail = requester })).Number());
                pages++;
            } while (cursor is not null && pages < 20);
            seen.Distinct().Count().ShouldBe(seen.Count, $"no ticket twice ({sort})");
            var before = original.Take(7).ToList();
            foreach (var n in before) seen.ShouldContain(n, $"{sort}: ticket {n} must be on a page");
            original.RemoveRange(7, original.Count - 7);
        }
    }

    [Fact]
    public async Task Full_text_search_finds_words_in_subjects_and_messages()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var word = "xylo" + Guid.NewGuid().ToString("N")[..6];
        var bySubject = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = $"Projector {word} flickers", body = "room 4", requesterEmail = "fts@example.com" })).Number();
        var byMessage = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Meeting room screen", body = "nothing", requesterEmail = "fts@example.com" })).Number();
        await agent.Api.PostJsonAsync($"/api/v1/tickets/{byMessage}/messages", new { body = $"Replaced the {word} cable; printers were fine" });

        (await agent.Api.GetJsonAsync($"/api/v1/tickets?q={word}")).Numbers().ShouldBe([byMessage, bySubject], ignoreOrder: true);
        (await agent.Api.GetJsonAsync($"/api/v1/tickets?q={word[..6]}*")).Numbers().ShouldBe([byMessage, bySubject], ignoreOrder: true); // a prefix, asked for with *
        (await agent.Api.GetJsonAsync($"/api/v1/tickets?q={word[..6]}")).Numbers().ShouldBeEmpty(); // without * a word is a word
        (await agent.Api.GetJsonAsync($"/api/v1/tickets?q={word}%20cable")).Numbers().ShouldBe([byMessage]);
        (await agent.Api.GetJsonAsync($"/api/v1/tickets?q={word}%20printer")).Numbers().ShouldBe([byMessage]); // stemming: printers → printer
        (await agent.Api.GetJsonAsync("/api/v1/tickets?q=%22%27%29%28*%20OR%20NEAR")).ShouldNotBeNull(); // operators in user input never break the query

        // Renaming a ticket re-indexes its subject.
        await agent.Api.PatchJsonAsync($"/api/v1/tickets/{bySubject}", new { subject = "Projector replaced" });
        (await agent.Api.GetJsonAsync($"/api/v1/tickets?q={word}")).Numbers().ShouldBe([byMessage]);
    }

    [Fact]
    public async Task Attachments_are_served_so_the_browser_never_runs_them()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var n = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Files", body = "x", requesterEmail = "files@example.com" })).Number();
        var html = await AuthorizationTests.UploadAsync(agent.Api, n, "../../evil.html", "text/html", "<script>alert(1)</script>", isInternal: false);
        html.Str("fileName").ShouldBe("evil.html");
        var download = await agent.Api.GetAsync($"/api/v1/tickets/{n}/attachments/{html["id"]}");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        (await download.Content.ReadAsStringAsync()).ShouldBe("<script>alert(1)</script>");

        var png = await AuthorizationTests.UploadAsync(agent.Api, n, "screen.png", "image/png", "\u0089PNG fake", isInternal: false);
        var image = await agent.Api.GetAsync($"/api/v1/tickets/{n}/attachments/{png["id"]}");
        image.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        image.Content.Headers.ContentDisposition.ShouldBeNull();
    }
}

public sealed class SqliteTicketApiBehaviourTests(SqliteApp app) : TicketApiBehaviourTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTicketApiBehaviourTests(PostgresApp app) : TicketApiBehaviourTests(app), IClassFixture<PostgresApp>;
