using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Frontdesk.Common.Http;

/// <summary>Who is asking: the signed-in user, the person behind the account, and their roles.</summary>
internal sealed record Caller(long UserId, long PersonId, IReadOnlySet<string> Roles)
{
    public const string PersonIdClaim = "fd:person";

    /// <summary>Agents, team leads, managers and admins work every ticket.</summary>
    public bool IsStaff => Roles.Overlaps(Security.Roles.Staff);

    public bool IsAdmin => Roles.Contains(Security.Roles.Admin);

    public static Caller? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (!long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId)) return null;
        if (!long.TryParse(principal.FindFirstValue(PersonIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var personId)) return null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(userId, personId, roles);
    }

    /// <summary>Minimal API binding: endpoints take a <see cref="Caller"/> parameter.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(From(context.User));
}
