using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Frontdesk.Common.Data;
using Frontdesk.Common.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Identity.ApiTokens;

/// <summary>Authenticates <c>Authorization: Bearer fd_…</c> against the hashed tokens.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    FrontdeskDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed token.");
        var hash = TokenHash(token);
        var now = clock.GetUtcNow();
        var found = await (
            from t in db.ApiTokens.AsNoTracking()
            join u in db.Users on t.UserId equals u.Id
            where t.Hash == hash && t.RevokedAt == null && u.IsActive
            select new { TokenId = t.Id, UserId = u.Id, u.PersonId, t.LastUsedAt })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null) return AuthenticateResult.Fail("Unknown or revoked token.");
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == found.UserId select r.Name)
            .ToListAsync(Context.RequestAborted);
        // Record use at most once a minute: a busy integration should not write on every call.
        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.Where(t => t.Id == found.TokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(Caller.PersonIdClaim, found.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(roles.OfType<string>().Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    public static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
