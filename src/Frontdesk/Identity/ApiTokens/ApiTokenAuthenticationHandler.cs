using Frontdesk.Database;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Frontdesk.Common.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Identity.ApiTokens;

/// <summary>Authenticates <c>Authorization: Bearer fd_…</c> against the hashed tokens.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    FrontdeskDbContext db,
    IMemoryCache cache,
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
        var holder = await cache.GetOrCreateAsync(CacheKey(hash), async entry =>
        {
            // A short life: revoking, deactivating or changing roles takes effect on this node at
            // once (the entry is evicted) and on other nodes within this time.
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await LoadAsync(hash);
        });
        if (holder is null)
        {
            cache.Remove(CacheKey(hash)); // unknown tokens are not remembered: a new one may appear
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(holder.Claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>How long a token's owner and roles are remembered between database reads.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static string CacheKey(string hash) => "api-token:" + hash;

    private async Task<TokenHolder?> LoadAsync(string hash)
    {
        var now = clock.GetUtcNow();
        var found = await (
            from t in db.ApiTokens.AsNoTracking()
            join u in db.Users on t.UserId equals u.Id
            where t.Hash == hash && t.RevokedAt == null && u.IsActive
            select new { TokenId = t.Id, UserId = u.Id, u.PersonId, t.LastUsedAt })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null) return null;
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
        return new TokenHolder(claims);
    }

    private sealed record TokenHolder(IReadOnlyList<Claim> Claims);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    public static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
