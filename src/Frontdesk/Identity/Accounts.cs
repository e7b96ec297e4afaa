using Frontdesk.Common.Data;
using Frontdesk.Directory.Domain;
using Frontdesk.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Identity;

/// <summary>Creates sign-in accounts for people; used by bootstrap, demo data and tests.</summary>
public sealed class Accounts(FrontdeskDbContext db, UserManager<FrontdeskUser> users, RoleManager<FrontdeskRole> roles)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new FrontdeskRole(role));
        }
    }

    public async Task<bool> AnyAdminAsync(CancellationToken ct) =>
        await db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin), ct);

    /// <summary>Gives <paramref name="person"/> an account with <paramref name="password"/> and <paramref name="role"/>.</summary>
    public async Task<FrontdeskUser> CreateAsync(Person person, string password, string role)
    {
        if (person.Id == 0)
        {
            db.People.Add(person);
            await db.SaveChangesAsync();
        }
        var user = new FrontdeskUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, PersonId = person.Id };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
