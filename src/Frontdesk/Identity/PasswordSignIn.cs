using Frontdesk.Identity.Domain;
using Microsoft.AspNetCore.Identity;

namespace Frontdesk.Identity;

/// <summary>
/// The one password check, shared by the sign-in page and token creation: throttled per client and
/// account, with lockout, and as costly for an unknown, inactive or locked account as for a wrong
/// password, so neither the answer nor its time tells whether an account exists.
/// </summary>
internal sealed class PasswordSignIn(UserManager<FrontdeskUser> users, SignInThrottle throttle)
{
    public enum Outcome { SignedIn, Failed, Throttled }

    /// <summary>Passwords longer than this are refused unread (hashing is the expensive part).</summary>
    public const int MaxPassword = 256;

    public async Task<(Outcome Outcome, FrontdeskUser? User)> CheckAsync(System.Net.IPAddress? clientAddress, string email, string password)
    {
        if (!throttle.TryAttempt(clientAddress, email)) return (Outcome.Throttled, null);
        var tooLong = password.Length > MaxPassword || email.Length > Common.Text.Limits.Email;
        var user = tooLong ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive || user.PasswordHash is null)
        {
            // Hash anyway so an unknown account takes as long as a wrong password.
            users.PasswordHasher.HashPassword(new FrontdeskUser(), tooLong ? password[..Math.Min(password.Length, MaxPassword)] : password);
            return (Outcome.Failed, null);
        }
        if (await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, password);
            return (Outcome.Failed, null);
        }
        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return (Outcome.SignedIn, user);
        }
        await users.AccessFailedAsync(user);
        return (Outcome.Failed, null);
    }
}
