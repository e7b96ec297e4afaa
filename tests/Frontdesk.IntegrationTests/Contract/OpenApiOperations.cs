using System.Text.Json.Nodes;

namespace Frontdesk.IntegrationTests.Contract;

/// <summary>One operation of the OpenAPI document, with what it declares it answers.</summary>
public sealed record OpenApiOperation(string Method, string Path, JsonObject Operation, JsonObject Document)
{
    public string Key => $"{Method} {Path}";

    public IEnumerable<JsonObject> Parameters => Operation["parameters"]?.AsArray().OfType<JsonObject>() ?? [];

    /// <summary>The request body's media type and schema, if it takes one.</summary>
    public (string MediaType, JsonNode Schema)? Body =>
        Operation["requestBody"]?["content"]?.AsObject().Select(kv => (kv.Key, kv.Value!["schema"]!)).FirstOrDefault() is ({ } type, { } schema)
            ? (type, schema)
            : null;

    /// <summary>The media types the document gives for a status, or null when the status is not declared.</summary>
    public IReadOnlyList<string>? MediaTypesFor(int status)
    {
        var responses = Operation["responses"]!.AsObject();
        var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"];
        return response is null ? null : response["content"]?.AsObject().Select(kv => kv.Key).ToList() ?? [];
    }

    /// <summary>Follows a <c>$ref</c> into the document's components.</summary>
    public JsonNode Resolve(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? Resolve(Document["components"]!["schemas"]![reference.Split('/')[^1]]!)
            : schema;

    public static IReadOnlyList<OpenApiOperation> All(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
                .Where(op => op.Key is "get" or "put" or "post" or "patch" or "delete")
                .Select(op => new OpenApiOperation(op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject(), document)))
            .ToList();
}
