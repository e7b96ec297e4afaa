using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Frontdesk.Web;

/// <summary>
/// Says in the OpenAPI document, once for every operation, the problem details any API answer may
/// be: 400 for an operation that reads input, 401 and 403 for one that needs a token, 404 for one
/// that names a thing in its path. Endpoints add the answers particular to them (409, 412, 429).
/// </summary>
internal static class ProblemResponses
{
    public static Task AddAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        // Client generators name methods by operationId: the method and the route, e.g. "get-api-v1-tickets-number".
        operation.OperationId ??= OperationId(description.HttpMethod, description.RelativePath);
        var readsInput = description.ParameterDescriptions.Count > 0;
        if (readsInput) Add(operation, context, "400", "The request could not be used; the problem details name the fields.");
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            Add(operation, context, "401", "No valid token: send 'Authorization: Bearer <token>'.");
            Add(operation, context, "403", "The token's account may not do this.");
        }
        if (description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            Add(operation, context, "404", "It does not exist, or you may not see it.");
        }
        return Task.CompletedTask;
    }

    private static string OperationId(string? method, string? path) =>
        string.Join('-', new[] { method?.ToLowerInvariant() ?? "op" }.Concat((path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Trim('{', '}').Split(':')[0].ToLowerInvariant())));

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string text)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = text,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        };
    }
}
