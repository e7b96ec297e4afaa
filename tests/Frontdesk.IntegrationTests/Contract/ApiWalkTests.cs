using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Frontdesk.IntegrationTests.Infrastructure;

namespace Frontdesk.IntegrationTests.Contract;

/// <summary>
/// Walks every operation of the OpenAPI document with generated and malformed input, as each role
/// and anonymously. Whatever is sent, the answer is never a 5xx, a refusal is always problem
/// details, and the status and media type are ones the document declares for that operation. It
/// grows with every endpoint: new operations are in the document, so they are walked too.
/// </summary>
public abstract class ApiWalkTests(FrontdeskApp app)
{
    /// <summary>
    /// Generated calls per operation (FRONTDESK_WALK_CALLS for a longer walk); CsCheck shrinks a
    /// failure to its smallest form and prints the seed that repeats it.
    /// </summary>
    private static readonly int CallsPerOperation =
        int.TryParse(Environment.GetEnvironmentVariable("FRONTDESK_WALK_CALLS"), out var calls) && calls > 0 ? calls : 60;

    [Fact]
    public async Task No_input_to_any_operation_gets_a_5xx_or_an_answer_the_document_does_not_declare()
    {
        var document = (JsonObject)(await app.CreateClient().GetJsonAsync("/openapi/v1.json"));
        var world = await ApiWorld.CreateAsync(app);
        var operations = OpenApiOperation.All(document);
        operations.Count.ShouldBeGreaterThan(30);
        foreach (var operation in operations)
        {
            await RequestGen.For(operation, world).SampleAsync(call => CheckAsync(operation, world, call), iter: CallsPerOperation, threads: 1);
        }
    }

    private static async Task CheckAsync(OpenApiOperation operation, ApiWorld world, ApiCall call)
    {
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url);
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(call.MediaType!);
        }
        if (call.IdempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", call.IdempotencyKey);
        using var response = await world.Clients[call.Role].SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var what = $"{call} -> {status} {Clip(text)}";

        status.ShouldBeLessThan(500, what);
        var declared = operation.MediaTypesFor(status);
        declared.ShouldNotBeNull($"{operation.Key} does not declare {status}: {what}");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status >= 400)
        {
            mediaType.ShouldBe("application/problem+json", what);
            JsonNode.Parse(text)!["status"]!.GetValue<int>().ShouldBe(status, what);
        }
        else if (status != (int)HttpStatusCode.NoContent && declared.Count > 0)
        {
            declared.ShouldContain(mediaType!, what);
            if (mediaType == "application/json") Should.NotThrow(() => JsonDocument.Parse(text), what);
        }
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] : text;
}

public sealed class SqliteApiWalkTests(SqliteApp app) : ApiWalkTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiWalkTests(PostgresApp app) : ApiWalkTests(app), IClassFixture<PostgresApp>;
