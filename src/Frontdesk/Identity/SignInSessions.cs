using Frontdesk.Database;
using System.Globalization;
using System.Security.Claims;
using Frontdesk.Common.Text;
using Frontdesk.Identity.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Frontdesk.Identity;

/// <summary>Opens, checks, lists and ends the server-side sessions behind sign-in cookies.</summary>
internal sealed class SignInSessions(FrontdeskDbContext db, SignInManager<FrontdeskUser> signIn, IMemoryCache cache, TimeProvider clock)
{
    public const string SessionClaim = "fd:session";

    /// <summary>A session unused this long is over, as its cookie would be (sliding, 12 hours).</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(12);

    /// <summary>How stale "last seen" may get before a request writes it again.</summary>
    private static readonly TimeSpan SeenEvery = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long this node trusts a check: a page and its stylesheet and scripts cost one read, not
    /// one each. Ending a session here takes effect at once; on another node within this time.
    /// </summary>
    private static readonly TimeSpan TrustFor = TimeSpan.FromSeconds(5);

    public sealed record SessionDto(long Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? Client, string? Address, bool Current);

    /// <summary>Signs the user in with a cookie that names a new session.</summary>
    public async Task SignInAsync(FrontdeskUser user, HttpContext http)
    {
        var now = clock.GetUtcNow();
        var session = new SignInSession
        {
            UserId = user.Id,
            CreatedAt = now,
            LastSeenAt = now,
            Client = Clip.To(http.Request.Headers.UserAgent.ToString(), 200),
            Address = Clip.To(http.Connection.RemoteIpAddress?.ToString(), 64),
        };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(http.RequestAborted);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SessionClaim, session.Id.ToString(CultureInfo.InvariantCulture))]);
    }

    /// <summary>Ends this browser's session on the server, then drops its cookie.</summary>
    public async Task SignOutAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (SessionId(principal) is { } id) await EndAsync(id, UserId(principal), ct);
        await signIn.SignOutAsync();
    }

    /// <summary>Whether the cookie's session is still open (used within the idle limit, its user active); notes when it was last seen.</summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (SessionId(principal) is not { } id || UserId(principal) is not { } userId) return false;
        if (cache.TryGetValue(CacheKey(id), out _)) return true;
        var now = clock.GetUtcNow();
        var idleSince = now - IdleLimit;
        var session = await db.SignInSessions.AsNoTracking()
            .Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null && s.LastSeenAt > idleSince && db.Users.Any(u => u.Id == userId && u.IsActive))
            .Select(s => new { s.LastSeenAt }).FirstOrDefaultAsync(ct);
        if (session is null) return false;
        if (now - session.LastSeenAt > SeenEvery)
        {
            await db.SignInSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        }
        cache.Set(CacheKey(id), true, TrustFor);
        return true;
    }

    /// <summary>The person's open sessions, most recently used first.</summary>
    public async Task<List<SessionDto>> ListAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var userId = UserId(principal);
        var current = SessionId(principal);
        var idleSince = clock.GetUtcNow() - IdleLimit;
        var rows = await db.SignInSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null && s.LastSeenAt > idleSince).ToListAsync(ct);
        return rows.OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionDto(s.Id, s.CreatedAt, s.LastSeenAt, s.Client, s.Address, s.Id == current)).ToList();
    }

    /// <summary>Ends one of the person's own sessions; false when it is not theirs or already ended.</summary>
    public async Task<bool> EndAsync(long id, long? userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        cache.Remove(CacheKey(id));
        return await db.SignInSessions.Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct) > 0;
    }

    private static string CacheKey(long id) => $"sign-in-session:{id}";

    private static long? SessionId(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SessionClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static long? UserId(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
