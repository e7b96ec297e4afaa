using Frontdesk.Database;
using Frontdesk.Common.Security;
using System.Security.Cryptography;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Identity.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Frontdesk.Identity.ApiTokens;

/// <summary>Sign in with e-mail and password to get a personal API token.</summary>
internal sealed record CreateTokenRequest(string? Email, string? Password, string? Name);

/// <summary>The token is shown once; only its hash is kept.</summary>
internal sealed record CreatedTokenDto(long Id, string Name, string Token, DateTimeOffset CreatedAt);

internal sealed record TokenDto(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

internal static class TokenEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth/tokens").WithTags("Authentication");
        group.MapPost("/", CreateAsync).AllowAnonymous()
            .WithSummary("Create a personal API token with e-mail and password")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Api).WithSummary("List your tokens");
        group.MapDelete("/{id:long}", RevokeAsync).RequireAuthorization(Policies.Api).WithSummary("Revoke one of your tokens")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<CreatedTokenDto>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        CreateTokenRequest request, PasswordSignIn passwords, HttpContext http, FrontdeskDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add("email", "email is required.");
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "password is required.");
        else if (request.Password.Length > PasswordSignIn.MaxPassword) errors.Add("password", $"password is limited to {PasswordSignIn.MaxPassword} characters.");
        if (request.Email?.Length > Limits.Email) errors.Add("email", $"email is limited to {Limits.Email} characters.");
        var name = string.IsNullOrWhiteSpace(request.Name) ? "API token" : request.Name.Trim();
        if (name.Length > Limits.Label) errors.Add("name", $"name is limited to {Limits.Label} characters.");
        if (errors.Any) return Problems.Invalid(errors);

        var (outcome, user) = await passwords.CheckAsync(http.Connection.RemoteIpAddress, request.Email!, request.Password!);
        if (outcome == PasswordSignIn.Outcome.Throttled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts",
                detail: "Too many attempts from here or for this account; wait a minute and try again.");
        }
        if (outcome != PasswordSignIn.Outcome.SignedIn)
        {
            // One answer for unknown accounts, wrong passwords and locked accounts: no account enumeration.
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "The e-mail or password is wrong, or the account is locked for a while.");
        }

        var secret = "fd_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            UserId = user!.Id,
            Name = name,
            Hash = ApiTokenAuthenticationHandler.TokenHash(secret),
            Prefix = secret[..10],
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/auth/tokens/{token.Id}", new CreatedTokenDto(token.Id, token.Name, secret, token.CreatedAt));
    }

    private static async Task<Ok<List<TokenDto>>> ListAsync(Caller caller, FrontdeskDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.ApiTokens.AsNoTracking().Where(t => t.UserId == caller.UserId).OrderBy(t => t.Id)
            .Select(t => new TokenDto(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        long id, Caller caller, FrontdeskDbContext db, IMemoryCache cache, TimeProvider clock, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == caller.UserId, ct);
        if (token is null) return Problems.NotFound($"Token {id}");
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        cache.Remove(ApiTokenAuthenticationHandler.CacheKey(token.Hash));
        return TypedResults.NoContent();
    }
}
