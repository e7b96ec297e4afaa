using System.Net.Http.Headers;
using System.Text;
using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.IntegrationTests.Contract;

/// <summary>
/// Every API endpoint × {anonymous, customer, other customer, agent, admin}, with the status each
/// gets for one plain request (path values of things that exist, an empty JSON object as body).
/// The table is the whole authorization story in one place: an endpoint missing from it fails
/// the test, so a new endpoint is a visible decision about who may call it.
/// </summary>
public abstract class AuthorizationMatrixTests(FrontdeskApp app)
{
    // Columns: anonymous, customer (owns the ticket), other customer, agent, admin.
    private static readonly (string Endpoint, int[] Expected)[] Matrix =
    [
        ("GET /api/v1/statuses", [401, 200, 200, 200, 200]),
        ("GET /api/v1/priority-matrix", [401, 403, 403, 200, 200]),
        ("PUT /api/v1/priority-matrix", [401, 403, 403, 403, 400]),
        ("POST /api/v1/auth/tokens", [400, 400, 400, 400, 400]),
        ("GET /api/v1/auth/tokens", [401, 200, 200, 200, 200]),
        ("DELETE /api/v1/auth/tokens/{id}", [401, 404, 404, 404, 404]),
        ("GET /api/v1/people", [401, 403, 403, 200, 200]),
        ("POST /api/v1/people", [401, 403, 403, 400, 400]),
        ("GET /api/v1/people/{id}", [401, 403, 403, 200, 200]),
        ("PATCH /api/v1/people/{id}", [401, 403, 403, 200, 200]),
        ("GET /api/v1/organizations", [401, 403, 403, 200, 200]),
        ("POST /api/v1/organizations", [401, 403, 403, 403, 400]),
        ("PATCH /api/v1/organizations/{id}", [401, 403, 403, 403, 200]),
        ("GET /api/v1/teams", [401, 403, 403, 200, 200]),
        ("POST /api/v1/teams", [401, 403, 403, 403, 400]),
        ("PUT /api/v1/teams/{id}/members", [401, 403, 403, 403, 200]),
        ("POST /api/v1/tickets", [401, 400, 400, 400, 400]),
        ("GET /api/v1/tickets", [401, 200, 200, 200, 200]),
        ("GET /api/v1/tickets/{number}", [401, 200, 404, 200, 200]),
        ("PATCH /api/v1/tickets/{number}", [401, 403, 403, 200, 200]),
        ("GET /api/v1/tickets/{number}/messages", [401, 200, 404, 200, 200]),
        ("POST /api/v1/tickets/{number}/messages", [401, 400, 404, 400, 400]),
        ("GET /api/v1/tickets/{number}/attachments", [401, 200, 404, 200, 200]),
        ("POST /api/v1/tickets/{number}/attachments", [401, 201, 404, 201, 201]),
        ("GET /api/v1/tickets/{number}/attachments/{id}", [401, 200, 404, 200, 200]),
        ("GET /api/v1/tickets/{number}/history", [401, 200, 404, 200, 200]),
        ("GET /api/v1/mailboxes", [401, 403, 403, 403, 200]),
        ("POST /api/v1/mailboxes", [401, 403, 403, 403, 400]),
        ("PATCH /api/v1/mailboxes/{id}", [401, 403, 403, 403, 200]),
        ("POST /api/v1/mailboxes/{id}/test", [401, 403, 403, 403, 200]),
        ("GET /api/v1/mailboxes/{id}/quarantine", [401, 403, 403, 403, 200]),
        ("GET /api/v1/mailboxes/{id}/mails", [401, 403, 403, 403, 200]),
        ("POST /api/v1/mailboxes/{id}/quarantine/{mailId}/retry", [401, 403, 403, 403, 404]),
        ("POST /api/v1/mailboxes/{id}/quarantine/{mailId}/release", [401, 403, 403, 403, 404]),
        ("GET /api/v1/blocked-senders", [401, 403, 403, 403, 200]),
        ("POST /api/v1/blocked-senders", [401, 403, 403, 403, 400]),
        ("DELETE /api/v1/blocked-senders/{id}", [401, 403, 403, 403, 204]),
        ("GET /api/v1/mail-templates", [401, 403, 403, 403, 200]),
        ("PUT /api/v1/mail-templates/{kind}", [401, 403, 403, 403, 400]),
        ("DELETE /api/v1/mail-templates/{kind}", [401, 403, 403, 403, 200]),
    ];

    [Fact]
    public void Every_api_endpoint_is_in_the_matrix_and_every_row_is_an_endpoint()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var rows = Matrix.Select(r => r.Endpoint).ToHashSet();
        endpoints.Except(rows).ShouldBeEmpty("endpoints nobody decided who may call: add them to the matrix");
        rows.Except(endpoints).ShouldBeEmpty("rows for endpoints that do not exist");
    }

    [Fact]
    public async Task Each_role_gets_the_status_the_matrix_says_for_every_endpoint()
    {
        var world = await ApiWorld.CreateAsync(app);
        var wrong = new List<string>();
        // Admins last: their deletes must not take away what the other roles' requests point at.
        foreach (var (endpoint, expected) in Matrix)
        {
            for (var i = 0; i < ApiWorld.Roles.Length; i++)
            {
                var role = ApiWorld.Roles[i];
                using var request = Probe(endpoint, world);
                using var response = await world.Clients[role].SendAsync(request);
                if ((int)response.StatusCode != expected[i]) wrong.Add($"{endpoint} as {role}: {(int)response.StatusCode}, expected {expected[i]}");
            }
        }
        wrong.ShouldBeEmpty();
    }

    private static string Normalize(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern.TrimEnd('/'), "\\{([a-zA-Z]+)(:[a-z]+)?\\}", "{$1}");

    private static HttpRequestMessage Probe(string endpoint, ApiWorld world)
    {
        var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var url = path
            .Replace("{number}", world.Ticket.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{mailId}", "999999", StringComparison.Ordinal)
            .Replace("{kind}", "reminder", StringComparison.Ordinal)
            .Replace("{id}", IdFor(path, world), StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (path.EndsWith("/attachments", StringComparison.Ordinal) && method == "POST")
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent("probe"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "file", "probe.txt");
            request.Content = form;
        }
        else if (method is "POST" or "PUT" or "PATCH" && !path.EndsWith("/test", StringComparison.Ordinal) && !path.Contains("/quarantine/", StringComparison.Ordinal))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return request;
    }

    private static string IdFor(string path, ApiWorld world) => (path switch
    {
        _ when path.Contains("/attachments/", StringComparison.Ordinal) => world.Attachment,
        _ when path.StartsWith("/api/v1/people", StringComparison.Ordinal) => world.Person,
        _ when path.StartsWith("/api/v1/organizations", StringComparison.Ordinal) => world.Organization,
        _ when path.StartsWith("/api/v1/teams", StringComparison.Ordinal) => world.Team,
        _ when path.StartsWith("/api/v1/mailboxes", StringComparison.Ordinal) => world.Mailbox,
        _ when path.StartsWith("/api/v1/blocked-senders", StringComparison.Ordinal) => world.BlockedSender,
        _ => 999_999, // tokens: none of the callers' own
    }).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteAuthorizationMatrixTests(SqliteApp app) : AuthorizationMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuthorizationMatrixTests(PostgresApp app) : AuthorizationMatrixTests(app), IClassFixture<PostgresApp>;
