using Frontdesk.Identity.Domain;
using Microsoft.AspNetCore.Identity;

namespace Frontdesk.Identity;

/// <summary>Password check with lockout, shared by the sign-in page and token creation.</summary>
internal static class PasswordSignIn
{
    public static async Task<bool> CheckAsync(UserManager<FrontdeskUser> users, FrontdeskUser? user, string password)
    {
        if (user is null || !user.IsActive)
        {
            // Hash anyway so an unknown account takes as long as a wrong password.
            users.PasswordHasher.HashPassword(new FrontdeskUser(), password);
            return false;
        }
        if (await users.IsLockedOutAsync(user)) return false;
        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }
        await users.AccessFailedAsync(user);
        return false;
    }
}
