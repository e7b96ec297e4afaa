using Frontdesk.Common.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Common.Http;

/// <summary>Turns refused requests and unreadable bodies into RFC 9457 problem details.</summary>
internal sealed class RejectionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // Pages show their own error page (the host's handler); the API answers with problem details.
        if (!ApiConventions.IsApi(http.Request)) return false;
        ProblemDetails? details = exception switch
        {
            ValidationFailedException v => new HttpValidationProblemDetails(v.Errors.ToDictionary())
            {
                Status = v.Status, Title = v.Title, Detail = v.Message,
            },
            RequestRejectedException r => new ProblemDetails { Status = r.Status, Title = r.Title, Detail = r.Message },
            // A domain rule (a status move, a closed ticket): the request is valid but the state forbids it.
            RuleException t => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [t.Field] = [t.Message] })
            {
                Status = StatusCodes.Status409Conflict, Title = t.Title, Detail = t.Message,
            },
            DbUpdateException d when StoreRefusal.Of(d) is { } refusal => refusal == StoreRefusal.Kind.Duplicate
                ? new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = "Something with the same name or address exists already." }
                : new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The request has invalid fields.", Detail = "A value is longer than Frontdesk keeps (see docs/limits.md)." },
            BadHttpRequestException b => new ProblemDetails
            {
                Status = b.StatusCode,
                Title = "The request could not be read.",
                Detail = BadRequestDetail(b),
            },
            _ => null,
        };
        if (details is null) return false;
        http.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    // The framework's message names the parameter and the problem ("Failed to read parameter ... as JSON").
    // The inner JSON error adds the path of the offending field.
    private static string BadRequestDetail(BadHttpRequestException b) =>
        b.InnerException is System.Text.Json.JsonException j
            ? $"The body is not valid JSON for this endpoint at {j.Path ?? "$"}: {j.Message.Split(" Path:")[0]}"
            : b.Message;
}
