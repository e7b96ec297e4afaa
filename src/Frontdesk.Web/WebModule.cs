using Frontdesk.Common.Security;
using Frontdesk.Common.Http;
using Frontdesk.Identity;
using Frontdesk.Tickets.Attachments;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.OpenApi;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace Frontdesk.Web;

/// <summary>Host wiring for pages, OpenAPI, health and security headers.</summary>
internal static class WebModule
{
    /// <summary>Where the agent console lives: every page under it is interactive.</summary>
    public const string ConsolePath = "/agent";

    public static IServiceCollection AddFrontdeskWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Blazor's circuits stay on the node that serves them (sticky sessions): they need no Redis
        // backplane, and with one every live page would stop whenever Redis does. Other hubs keep it.
        var circuits = typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub");
        if (circuits is not null)
        {
            services.AddSingleton(typeof(HubLifetimeManager<>).MakeGenericType(circuits), typeof(DefaultHubLifetimeManager<>).MakeGenericType(circuits));
        }
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, Components.Agent.ConsoleAuthentication>();
        services.AddMudServices();
        services.AddScoped<Time.ViewerTime>();
        services.AddHttpContextAccessor();
        services.AddExceptionHandler<ErrorPages.PageRejectionHandler>();
        services.AddOpenApi(o => o.AddOperationTransformer(ProblemResponses.AddAsync).AddSchemaTransformer(StringSchemas.RestoreAsync).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Frontdesk API";
            document.Info.Contact = new OpenApiContact { Name = "Your service desk's administrators" };
            foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
            document.Info.Description = "The IT service desk's REST API. Create a token with `POST /api/v1/auth/tokens` and send it as `Authorization: Bearer <token>`.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer" };
            return Task.CompletedTask;
        }));
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (!http.Request.Path.StartsWithSegments("/scalar"))
        {
            // The console's component library writes inline styles: allowed there, for styles only
            // (docs/decisions/0009). Scripts are never inline anywhere.
            var styles = http.Request.Path.StartsWithSegments(ConsolePath) ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'";
            headers.ContentSecurityPolicy = $"default-src 'self'; img-src 'self' data:; {styles}; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
        }
        await next();
    });

    public static void MapFrontdeskOperations(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        // The reference works offline and shows only what is Frontdesk's: no third-party fonts,
        // no AI agent, no deploy, share or SDK buttons; its script is served by Frontdesk itself.
        app.MapScalarApiReference(o => o
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .HideClientButton()
            .DisableTelemetry()).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }

    /// <summary>Cookie-authenticated helpers for the pages: sign out and attachment downloads.</summary>
    public static void MapWebEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery, SignInSessions sessions) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            await sessions.SignOutAsync(http.User, http.RequestAborted);
            return Results.LocalRedirect("/signin");
        }).RequireAuthorization(Policies.Web).ExcludeFromDescription();

        app.MapPost("/account/sessions/{id:long}/end", async (long id, HttpContext http, IAntiforgery antiforgery, SignInSessions sessions) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            await sessions.EndAsync(id, Caller.From(http.User)?.UserId, http.RequestAborted);
            return Results.LocalRedirect("/account/sessions");
        }).RequireAuthorization(Policies.Web).ExcludeFromDescription();

        app.MapGet("/tickets/{number:long}/attachments/{id:long}", async (long number, long id, HttpContext http, AttachmentHandlers attachments, CancellationToken ct) =>
        {
            var caller = Caller.From(http.User)!;
            var (attachment, content, inline) = await attachments.OpenAsync(number, id, caller, ct);
            return inline
                ? Results.File(content, attachment.ContentType)
                : Results.File(content, "application/octet-stream", attachment.FileName);
        }).RequireAuthorization(Policies.Web).ExcludeFromDescription();
    }
}
