using Frontdesk.Common.Security;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Frontdesk.IntegrationTests.Infrastructure;

namespace Frontdesk.IntegrationTests.Hostile;

/// <summary>Findings of the hostile-input review (issue 11): the API answers like an API, every bad input a 4xx naming the field.</summary>
public abstract class ApiAnswersTests(FrontdeskApp app)
{
    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        if (field is not null) JsonNode.Parse(text)!["errors"]!.AsObject().Select(kv => kv.Key).ShouldContain(field, text);
    }

    [Fact]
    public async Task Api_requests_no_endpoint_takes_answer_404_405_415_as_problem_details_never_the_sign_in_page()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var client in new[] { agent.Api, anonymous })
        {
            await ShouldBeProblemAsync(await client.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
            await ShouldBeProblemAsync(await client.GetAsync("/api/v1/tickets/99999999999999999999999"), HttpStatusCode.NotFound);
            var wrongMethod = await client.DeleteAsync("/api/v1/tickets");
            await ShouldBeProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed);
            wrongMethod.Content.Headers.Allow.ShouldContain("GET");
        }
        var xml = await agent.Api.PostAsync("/api/v1/tickets", new StringContent("<ticket/>", Encoding.UTF8, "application/xml"));
        await ShouldBeProblemAsync(xml, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Head_answers_like_get_without_a_body_and_with_the_etag()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var n = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Head check", body = "x" })).Number();
        var get = await agent.Api.GetAsync($"/api/v1/tickets/{n}");
        var head = await agent.Api.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/v1/tickets/{n}"));
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Headers.ETag.ShouldBe(get.Headers.ETag);
        (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        (await agent.Api.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/tickets/999999999"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_entity_tag_that_is_not_ours_is_a_failed_precondition()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var n = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Etag check", body = "x" })).Number();
        foreach (var tag in new[] { "\"abc\"", "W/\"v1\"", "garbage", "\"99999999999\"" })
        {
            await ShouldBeProblemAsync(await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { subject = "New" }, tag), HttpStatusCode.PreconditionFailed);
        }
        var ok = await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { subject = "New" }, "\"1\"");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_forged_cursor_a_null_matrix_cell_and_an_overlong_name_are_400s_naming_the_field()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var forged = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{long.MaxValue}:5")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await ShouldBeProblemAsync(await agent.Api.GetAsync($"/api/v1/tickets?cursor={forged}"), HttpStatusCode.BadRequest, "cursor");
        var matrix = await admin.Api.PutAsync("/api/v1/priority-matrix", new StringContent("[null]", Encoding.UTF8, "application/json"));
        await ShouldBeProblemAsync(matrix, HttpStatusCode.BadRequest, "[0]");
        var longName = await agent.Api.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Long name", body = "x", requesterEmail = $"long-{Guid.NewGuid():N}@example.com", requesterName = new string('n', 5000),
        });
        await ShouldBeProblemAsync(longName, HttpStatusCode.BadRequest, "requesterName");
        var n = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Reason", body = "x" })).Number();
        var reason = await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { priority = "high", priorityReason = new string('r', 5000) });
        await ShouldBeProblemAsync(reason, HttpStatusCode.BadRequest, "priorityReason");
    }

    [Fact]
    public async Task Body_html_is_limited_in_size_and_elements()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var n = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Html", body = "x" })).Number();
        var manyElements = string.Concat(Enumerable.Repeat("<b>x</b>", 6_000));
        await ShouldBeProblemAsync(await agent.Api.PostAsJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "x", bodyHtml = manyElements }), HttpStatusCode.BadRequest, "bodyHtml");
        await ShouldBeProblemAsync(await agent.Api.PostAsJsonAsync("/api/v1/tickets", new { subject = "s", body = "x", bodyHtml = new string('a', 400_000) }), HttpStatusCode.BadRequest, "bodyHtml");
        var fine = await agent.Api.PostJsonAsync($"/api/v1/tickets/{n}/messages", new { body = "x", bodyHtml = "<p onclick=\"alert(1)\">Hello</p>" });
        fine.Str("bodyHtml").ShouldBe("<p>Hello</p>"); // sanitized once, when stored
    }

    [Fact]
    public async Task A_customers_filters_do_not_reveal_who_is_in_the_directory()
    {
        var customer = await app.CreateUserAsync(Roles.Customer);
        var known = await app.CreateUserAsync(Roles.Customer);
        foreach (var filter in new[] { "requester", "assignee" })
        {
            var unknown = await customer.Api.GetAsync($"/api/v1/tickets?{filter}={Uri.EscapeDataString($"nobody-{Guid.NewGuid():N}@example.com")}");
            var existing = await customer.Api.GetAsync($"/api/v1/tickets?{filter}={Uri.EscapeDataString(known.Email)}");
            unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
            existing.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await unknown.Content.ReadAsStringAsync()).ShouldBe(await existing.Content.ReadAsStringAsync());
        }
        // Staff still hear about a typo.
        var agent = await app.CreateUserAsync(Roles.Agent);
        await ShouldBeProblemAsync(await agent.Api.GetAsync("/api/v1/tickets?requester=nobody@example.com"), HttpStatusCode.BadRequest, "requester");
    }

    [Fact]
    public async Task The_reason_for_a_priority_override_is_internal_on_every_route()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var customer = await app.CreateUserAsync(Roles.Customer);
        var n = (await customer.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Override", body = "x" })).Number();
        const string Reason = "Requester exaggerates, known pattern";
        (await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { priority = "low", priorityReason = Reason })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.Api.GetJsonAsync($"/api/v1/tickets/{n}")).Str("priorityOverrideReason").ShouldBe(Reason);
        foreach (var url in new[] { $"/api/v1/tickets/{n}", $"/api/v1/tickets/{n}/history", "/api/v1/tickets", $"/api/v1/tickets?q=Override" })
        {
            (await customer.Api.GetStringAsync(url)).ShouldNotContain("exaggerates", customMessage: url);
        }
    }

    [Fact]
    public async Task Attachment_names_lose_bidirectional_controls()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var n = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = "Bidi", body = "x" })).Number();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("MZ"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "invoice\u202Efdp.exe");
        var saved = await (await agent.Api.PostAsync($"/api/v1/tickets/{n}/attachments", form)).ReadJsonAsync();
        saved.Str("fileName").ShouldBe("invoicefdp.exe");
    }

    [Fact]
    public async Task Status_words_mean_the_same_in_the_filter_and_in_a_change()
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        var n = (await agent.Api.PostJsonAsync("/api/v1/tickets", new { subject = $"Status words {Guid.NewGuid():N}", body = "x" })).Number();
        foreach (var (word, status) in new[] { ("open", "Open"), ("WAITING FOR VENDOR", "Waiting for vendor"), ("pending", "Waiting for customer") })
        {
            var changed = await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = word });
            changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
            (await changed.ReadJsonAsync()).Str("status").ShouldBe(status);
            (await agent.Api.GetJsonAsync($"/api/v1/tickets?status={Uri.EscapeDataString(word)}&limit=100")).Numbers().ShouldContain(n, word);
        }
        (await agent.Api.GetJsonAsync("/api/v1/tickets?status=waiting%20for%20customer&limit=100")).Numbers().ShouldContain(n);
        (await agent.Api.GetJsonAsync("/api/v1/tickets?status=waiting%20for%20vendor&limit=100")).Numbers().ShouldNotContain(n);
        await ShouldBeProblemAsync(await agent.Api.PatchJsonAsync($"/api/v1/tickets/{n}", new { status = "sleeping" }), HttpStatusCode.BadRequest, "status");
        await ShouldBeProblemAsync(await agent.Api.GetAsync("/api/v1/tickets?status=sleeping"), HttpStatusCode.BadRequest, "status");
    }
}

public sealed class SqliteApiAnswersTests(SqliteApp app) : ApiAnswersTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiAnswersTests(PostgresApp app) : ApiAnswersTests(app), IClassFixture<PostgresApp>;
