using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Frontdesk.IntegrationTests.Contract;

/// <summary>A generated call: who makes it, and what it sends.</summary>
public sealed record ApiCall(string Role, string Method, string Url, string? MediaType, byte[]? Body, string? IdempotencyKey)
{
    public override string ToString() =>
        $"{Role}: {Method} {Url} {(Body is null ? "" : Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 400))))}";
}

/// <summary>
/// Generators of requests from the OpenAPI document: values of the declared types, and hostile
/// ones (nulls, wrong types, huge and strange strings, broken JSON), for every parameter and body.
/// </summary>
public static class RequestGen
{
    private static readonly string[] HostileTexts =
    [
        "", " ", "null", "-1", "0", "99999999999999999999999", "1e309", "NaN", "true", "[]", "{}",
        "invoice\u202Efdp.exe", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "' OR 1=1 --", "%00", "\u0000", "../../etc/passwd",
        "😀😀😀", "ü@ö.example", "a@b", "@example.com", "open", "OPEN", "Waiting for vendor", "me", "none", "auto", "*", "W/\"1\"", "\"1\"",
        new string('x', 5_000), string.Concat(Enumerable.Repeat("<b>x</b>", 800)), "\r\nSet-Cookie: x=y",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(Gen.OneOf(HostileTexts), Gen.String[0, 60]);

    /// <summary>Printable ASCII only: what HTTP headers can carry.</summary>
    private static readonly Gen<string> HeaderText = Gen.OneOf(Gen.String[Gen.Char['!', '~'], 1, 40], Gen.OneOf("", new string('k', 300)));

    public static Gen<ApiCall> For(OpenApiOperation operation, ApiWorld world)
    {
        var role = Gen.OneOf(ApiWorld.Roles);
        var url = Url(operation, world);
        var body = operation.Body is { } b ? Body(operation, b.MediaType, b.Schema).Select(x => ((string?)x.Type, (byte[]?)x.Bytes)) : Gen.Const(((string?)null, (byte[]?)null));
        var key = operation.Parameters.Any(p => p["in"]?.GetValue<string>() == "header")
            ? Gen.Frequency((3, Gen.Const((string?)null)), (1, HeaderText.Select(s => (string?)s)))
            : Gen.Const((string?)null);
        return Gen.Select(role, url, body, key, (r, u, x, k) => new ApiCall(r, operation.Method, u, x.Item1, x.Item2, k));
    }

    private static Gen<string> Url(OpenApiOperation operation, ApiWorld world)
    {
        var segments = operation.Path.Split('/').Select(segment =>
            segment.StartsWith('{') ? PathValue(operation.Path, segment.Trim('{', '}'), world).Select(Uri.EscapeDataString) : Gen.Const(segment)).ToList();
        var path = segments.Aggregate(Gen.Const(""), (acc, part) => Gen.Select(acc, part, (a, p) => a.Length == 0 ? p : a + "/" + p));
        var queries = operation.Parameters.Where(p => p["in"]?.GetValue<string>() == "query")
            .Select(p => Gen.Frequency(
                (1, Gen.Const("")),
                (1, Value(p["schema"] ?? new JsonObject()).Select(v => $"{p["name"]}={Uri.EscapeDataString(Text(v))}")),
                (1, Hostile.Select(v => $"{p["name"]}={Uri.EscapeDataString(v)}"))))
            .ToList();
        var query = queries.Aggregate(Gen.Const(""), (acc, q) => Gen.Select(acc, q, (a, x) => x.Length == 0 ? a : a + (a.Length == 0 ? "?" : "&") + x));
        return Gen.Select(path, query, (p, q) => p + q);
    }

    private static Gen<string> PathValue(string path, string name, ApiWorld world)
    {
        long? known = name switch
        {
            "number" => world.Ticket,
            "mailId" => null,
            "id" when path.Contains("/attachments/", StringComparison.Ordinal) => world.Attachment,
            "id" when path.StartsWith("/api/v1/people", StringComparison.Ordinal) => world.Person,
            "id" when path.StartsWith("/api/v1/organizations", StringComparison.Ordinal) => world.Organization,
            "id" when path.StartsWith("/api/v1/teams", StringComparison.Ordinal) => world.Team,
            "id" when path.StartsWith("/api/v1/mailboxes", StringComparison.Ordinal) => world.Mailbox,
            "id" when path.StartsWith("/api/v1/blocked-senders", StringComparison.Ordinal) => world.BlockedSender,
            _ => null, // tokens: never the walkers' own, or the walk would sign itself out
        };
        var good = name == "kind"
            ? Gen.OneOf("acknowledgement", "reply-footer", "resolved", "reminder")
            : known is { } k ? Gen.Const(k.ToString(CultureInfo.InvariantCulture)) : Gen.Long[1, 1_000_000].Select(x => x.ToString(CultureInfo.InvariantCulture));
        // No NUL in a path: the in-memory test server cannot carry one (Kestrel refuses it with 400 itself).
        // No "." or "..": every client resolves those dot-segments away, so the call would go to another path.
        return Gen.Frequency((4, good), (1, Gen.Long.Select(x => x.ToString(CultureInfo.InvariantCulture))),
            (1, Hostile.Where(h => h.Length is > 0 and < 1_000 && !h.Contains('\0', StringComparison.Ordinal) && h is not ("." or ".."))));
    }

    private static Gen<(string Type, byte[] Bytes)> Body(OpenApiOperation operation, string mediaType, JsonNode schema)
    {
        if (mediaType == "multipart/form-data") return Multipart();
        var json = Value(schema, operation).Select(v => Encoding.UTF8.GetBytes(v?.ToJsonString() ?? "null"));
        var broken = Gen.OneOf("{", "[1,", "{\"subject\": }", "\"text\"", "", "{\"a\":" + new string('[', 2_000))
            .Select(Encoding.UTF8.GetBytes);
        return Gen.Frequency((8, json), (1, broken), (1, Gen.Byte.Array[0, 200])).Select(bytes => (mediaType, bytes));
    }

    /// <summary>A multipart form written by hand, so file names can be anything a client might send.</summary>
    private static Gen<(string, byte[])> Multipart() =>
        Gen.Select(Hostile, Gen.Byte.Array[0, 2_000], Gen.Bool, Hostile, (name, bytes, withFile, flag) =>
        {
            const string Boundary = "walker-boundary";
            using var body = new MemoryStream();
            void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
            if (withFile)
            {
                var fileName = new string(name.Where(c => c is not ('"' or '\r' or '\n')).ToArray());
                Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
                body.Write(bytes);
                Write("\r\n");
            }
            Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"internal\"\r\n\r\n{flag.Replace("\r", "", StringComparison.Ordinal)}\r\n--{Boundary}--\r\n");
            return ($"multipart/form-data; boundary={Boundary}", body.ToArray());
        });

    /// <summary>A value for a schema: mostly of its type, sometimes anything at all.</summary>
    public static Gen<JsonNode?> Value(JsonNode schema, OpenApiOperation? operation = null, int depth = 0)
    {
        var resolved = operation?.Resolve(schema) ?? schema;
        var anything = depth > 2 ? Gen.Const((JsonNode?)null) : Gen.OneOf(
            Gen.Const((JsonNode?)null),
            Hostile.Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Const(() => (JsonNode?)new JsonArray(null, 1, "x")),
            Gen.Const(() => (JsonNode?)new JsonObject { ["x"] = null }));
        return Gen.Frequency((5, Typed(resolved, operation, depth)), (1, anything));
    }

    private static Gen<JsonNode?> Typed(JsonNode schema, OpenApiOperation? operation, int depth)
    {
        if (schema["enum"] is JsonArray values && values.Count > 0) return Gen.OneOf(values.Select(v => v?.DeepClone()).ToArray());
        if (schema["allOf"] is JsonArray parts)
        {
            var merged = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
            foreach (var part in parts)
            {
                foreach (var (name, property) in (operation?.Resolve(part!) ?? part!)["properties"]?.AsObject() ?? new JsonObject())
                {
                    merged["properties"]![name] = property?.DeepClone();
                }
            }
            schema = merged;
        }
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
            JsonValue single => single.GetValue<string>(),
            _ => schema["properties"] is not null ? "object" : "string",
        };
        return type switch
        {
            "string" => Gen.OneOf(Gen.String[0, 80], Hostile).Select(s => (JsonNode?)JsonValue.Create(s)),
            "integer" => Gen.OneOf(Gen.Int[-5, 200].Select(i => (long)i), Gen.Long).Select(l => (JsonNode?)JsonValue.Create(l)),
            "number" => Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
            "boolean" => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            "array" when depth < 3 => Value(schema["items"] ?? new JsonObject(), operation, depth + 1).List[0, 4]
                .Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray())),
            "object" when depth < 3 => Object(schema, operation, depth),
            _ => Gen.Const((JsonNode?)null),
        };
    }

    private static Gen<JsonNode?> Object(JsonNode schema, OpenApiOperation? operation, int depth)
    {
        var properties = schema["properties"]?.AsObject().ToList() ?? [];
        var fields = properties.Select(p => Gen.Frequency(
                (1, Gen.Const(((string, JsonNode?)?)null)),
                (3, Value(p.Value!, operation, depth + 1).Select(v => ((string, JsonNode?)?)(p.Key, v)))))
            .ToList();
        return fields.Aggregate(Gen.Const(new List<(string, JsonNode?)>()), (acc, field) => Gen.Select(acc, field, (list, f) =>
            {
                var next = new List<(string, JsonNode?)>(list);
                if (f is { } x) next.Add(x);
                return next;
            }))
            .Select(list =>
            {
                var o = new JsonObject();
                foreach (var (name, value) in list) o[name] = value?.DeepClone();
                return (JsonNode?)o;
            });
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };
}
