using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Frontdesk.Web;

/// <summary>
/// Strings are read by our own JSON converter (it refuses NUL characters, <c>NoNulText</c>), and
/// the OpenAPI generator describes a type with a custom converter as "anything". This puts
/// "string" (or "string or null" for a nullable one) back, so the document says what is sent.
/// </summary>
internal static class StringSchemas
{
    public static Task RestoreAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        // NullabilityInfoContext is not thread-safe: one per call (documents are built rarely).
        var nullability = new NullabilityInfoContext();
        var nullable = context.JsonPropertyInfo?.AttributeProvider switch
        {
            PropertyInfo property => nullability.Create(property).ReadState == NullabilityState.Nullable,
            ParameterInfo parameter => nullability.Create(parameter).ReadState == NullabilityState.Nullable,
            _ => false,
        };
        Restore(schema, context.JsonTypeInfo.Type, nullable);
        return Task.CompletedTask;
    }

    /// <summary>A string, a list of strings, or a map to lists of strings (validation errors).</summary>
    private static void Restore(OpenApiSchema schema, Type type, bool nullable)
    {
        if (type == typeof(string))
        {
            schema.Type ??= nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            return;
        }
        var element = ElementOf(type);
        if (schema.Type?.HasFlag(JsonSchemaType.Array) == true && element is not null && schema.Items is null or OpenApiSchema { Type: null })
        {
            var items = new OpenApiSchema();
            Restore(items, element, nullable: false);
            schema.Items = items;
        }
        if (schema.AdditionalProperties is OpenApiSchema values && type.IsGenericType && type.GetGenericArguments() is [_, var valueType])
        {
            Restore(values, valueType, nullable: false);
        }
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] is { } e && e == typeof(string) ? e
        : null;
}
