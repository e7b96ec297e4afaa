using Frontdesk.Database;
using Frontdesk.Common.Security;
using System.Security.Claims;
using Frontdesk.Identity.ApiTokens;
using Frontdesk.Identity.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Identity;

internal static class IdentityModule
{
    public static IServiceCollection AddFrontdeskIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddMemoryCache(); // the sign-in sessions' cache
        services.AddIdentityCore<FrontdeskUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<FrontdeskRole>()
            .AddEntityFrameworkStores<FrontdeskDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<FrontdeskClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/signin";
            o.Cookie.Name = "frontdesk";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // The cookie names a server-side session: once it is ended (sign-out, or from another
            // browser), the cookie is refused at once, wherever a copy of it turns up.
            o.Events.OnValidatePrincipal = async context =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                if (context.Principal is null) return;
                var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
                if (await sessions.IsOpenAsync(context.Principal, context.HttpContext.RequestAborted)) return;
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            };
        });
        // The periodic security stamp check rebuilds the principal: it keeps the session it names.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.FindFirst(SignInSessions.SessionClaim) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(session.Type, session.Value));
            }
            return Task.CompletedTask;
        });
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SignInSessions>();

        services.AddAuthorizationBuilder()
            // Deny by default: every endpoint without its own policy needs a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Web, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.WebStaff, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Staff))
            .AddPolicy(Policies.WebAdmin, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Admin))
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(Policies.ApiStaff, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireRole(Roles.Staff))
            .AddPolicy(Policies.ApiAdmin, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireRole(Roles.Admin));

        // Password attempts are limited by SignInThrottle, shared by every path that checks one.
        services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);

        services.AddDataProtection().SetApplicationName("Frontdesk").PersistKeysToDbContext<FrontdeskDbContext>();
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        TokenEndpoints.Map(app);
        return app;
    }
}
