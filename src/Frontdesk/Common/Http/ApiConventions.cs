using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Frontdesk.Common.Http;

/// <summary>
/// Everything under <c>/api/</c> answers like an API, in one place, whatever endpoint exists or not:
/// a request no endpoint takes is a 404, a wrong method a 405, a wrong content type a 415 (problem
/// details each, never the sign-in page), and HEAD is GET without a body.
/// </summary>
internal static class ApiConventions
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Before routing: HEAD runs the GET endpoint and its body goes nowhere (clients use it for the ETag).</summary>
    public static IApplicationBuilder UseApiHead(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsHead(http.Request.Method) || !IsApi(http.Request))
        {
            await next(http);
            return;
        }
        var body = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        http.Request.Method = HttpMethods.Get;
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        try
        {
            await next(http);
        }
        finally
        {
            http.Features.Set(body);
            http.Request.Method = HttpMethods.Head;
        }
    });

    /// <summary>
    /// After routing, before authentication: an API request that matched no endpoint gets its 404,
    /// or the framework's own 405 (with Allow) or 415 answer, without asking who is calling; the
    /// status code pages turn the empty answer into problem details.
    /// </summary>
    public static IApplicationBuilder UseApiNoMatch(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!IsApi(http.Request) || http.GetEndpoint() is RouteEndpoint)
        {
            await next(http);
            return;
        }
        if (http.GetEndpoint()?.RequestDelegate is { } rejection) await rejection(http);
        else http.Response.StatusCode = StatusCodes.Status404NotFound;
    });
}
