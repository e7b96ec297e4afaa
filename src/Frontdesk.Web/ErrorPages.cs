using System.Net;
using Frontdesk.Common.Http;
using Frontdesk.Tickets.Domain;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Frontdesk.Web;

/// <summary>
/// What a person in a browser sees when something is refused or missing: a page in the console's
/// look that says what happened and where to go, never raw problem details. The API keeps its
/// problem details (<see cref="ApiConventions"/>).
/// </summary>
internal static class ErrorPages
{
    /// <summary>Empty error answers: problem details under /api, the error page elsewhere.</summary>
    public static IApplicationBuilder UseErrorAnswers(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        return app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (ApiConventions.IsApi(http.Request))
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
            }
            else
            {
                await WriteAsync(http, http.Response.StatusCode);
            }
        });
    }

    public static async Task WriteAsync(HttpContext http, int status)
    {
        var (title, text) = status switch
        {
            StatusCodes.Status404NotFound => ("Not found", "This page or ticket does not exist, or you may not see it."),
            StatusCodes.Status403Forbidden => ("Not allowed", "Your account may not do this. Ask your service desk's admin if you need it."),
            StatusCodes.Status405MethodNotAllowed => ("Not possible here", "This page does not take that kind of request."),
            StatusCodes.Status409Conflict or StatusCodes.Status412PreconditionFailed => ("Changed meanwhile", "Someone changed this while you worked on it. Go back, reload and try again."),
            >= 400 and < 500 => ("That did not work", "The request could not be used. Go back and try again; if the page was open for long, reload it first."),
            _ => ("Something went wrong", "Frontdesk could not finish this. It has been logged; try again in a moment."),
        };
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{{title}} · Frontdesk</title><link rel="stylesheet" href="/app.css" /></head>
            <body><header class="top"><a class="brand" href="/">Frontdesk</a></header>
            <main id="main"><section class="card narrow error-page"><h1>{{title}}</h1><p>{{WebUtility.HtmlEncode(text)}}</p>
            <p><a href="/tickets">Go to your tickets</a></p></section></main></body></html>
            """, http.RequestAborted);
    }

    /// <summary>A refusal thrown while a page was built or a form was posted: the error page with its status.</summary>
    internal sealed class PageRejectionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            if (ApiConventions.IsApi(http.Request) || http.Response.HasStarted) return false;
            var status = exception switch
            {
                RequestRejectedException r => r.Status,
                TicketRuleException => StatusCodes.Status409Conflict,
                AntiforgeryValidationException => StatusCodes.Status400BadRequest,
                BadHttpRequestException b => b.StatusCode,
                _ => StatusCodes.Status500InternalServerError,
            };
            await WriteAsync(http, status);
            return true;
        }
    }
}
