using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Frontdesk.Common.Http;

/// <summary>
/// No text Frontdesk takes contains a NUL character: no person types one, PostgreSQL cannot store
/// one, and some tools cut text at it. Refused in one place per way in: JSON strings (a 400 naming
/// the field), and an API request's path or query (a 400 before any endpoint runs).
/// </summary>
internal static class NoNulText
{
    /// <summary>Reads JSON strings and refuses one with a NUL character (<c>\u0000</c>).</summary>
    public sealed class Converter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            if (value is not null && value.Contains('\0', StringComparison.Ordinal)) throw new JsonException("Text must not contain NUL characters (\\u0000).");
            return value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>An API request whose query names a NUL character is refused before routing.</summary>
    public static IApplicationBuilder UseNoNulInApiQueries(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (ApiConventions.IsApi(http.Request) && (http.Request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true
            || http.Request.Query.Any(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))))
        {
            throw new BadHttpRequestException("The path or query contains a NUL character (%00); no value may.");
        }
        await next(http);
    });
}
