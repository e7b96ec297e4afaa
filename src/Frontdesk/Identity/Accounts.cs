using Frontdesk.Database;
using Frontdesk.Common.Security;
using Frontdesk.Directory;
using Frontdesk.Directory.Domain;
using Frontdesk.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Identity;

/// <summary>Creates sign-in accounts for people; used by bootstrap, demo data and tests.</summary>
internal sealed class Accounts(FrontdeskDbContext db, PeopleDirectory people, UserManager<FrontdeskUser> users, RoleManager<FrontdeskRole> roles)
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
            people.Add(person);
            await db.SaveChangesAsync();
        }
        var user = new FrontdeskUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, PersonId = person.Id };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>An active agent (any staff role) by person id or e-mail: who tickets may be assigned to or owned by.</summary>
    public async Task<(long Id, string Name)?> FindActiveStaffAsync(string idOrEmail, CancellationToken ct)
    {
        var email = Person.NormalizeEmail(idOrEmail);
        var isId = long.TryParse(idOrEmail, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id);
        var person = await db.People.Where(p => isId ? p.Id == id : p.Email == email).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        if (person is null) return null;
        var staffRoleIds = db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
        var isStaff = await db.Users.AnyAsync(u => u.PersonId == person.Id && u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)), ct);
        return isStaff ? (person.Id, person.Name) : null;
    }

    /// <summary>Every active agent (any staff role), by name: who tickets may be assigned to.</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> ListActiveStaffAsync(CancellationToken ct)
    {
        var staffRoleIds = db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
        var staff = await db.People
            .Where(p => db.Users.Any(u => u.PersonId == p.Id && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId))))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).Take(1000).ToListAsync(ct);
        return staff.Select(p => (p.Id, p.Name)).ToList();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
