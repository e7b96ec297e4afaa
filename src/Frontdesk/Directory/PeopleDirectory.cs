using System.Net.Mail;
using Frontdesk.Common.Data;
using Frontdesk.Directory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Directory;

/// <summary>The Directory module's public surface for other modules: find people, or meet new ones.</summary>
public sealed class PeopleDirectory(FrontdeskDbContext db, TimeProvider clock)
{
    public static bool IsValidEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= 320 && MailAddress.TryCreate(email.Trim(), out var parsed)
        && parsed.Address.Equals(email.Trim(), StringComparison.OrdinalIgnoreCase) && parsed.Host.Contains('.', StringComparison.Ordinal);

    // Compiled once: every ticket create and every mail looks a person up by address.
    private static readonly Func<FrontdeskDbContext, string, CancellationToken, Task<Person?>> ByEmail =
        EF.CompileAsyncQuery((FrontdeskDbContext db, string email, CancellationToken _) => db.People.AsNoTracking().FirstOrDefault(p => p.Email == email));

    /// <summary>The person with this address, not tracked: read it, or attach it to change it.</summary>
    public Task<Person?> FindByEmailAsync(string email, CancellationToken ct) => ByEmail(db, Person.NormalizeEmail(email), ct);

    /// <summary>The person with this e-mail; a new one (placed in the organization owning the domain) if unknown.</summary>
    public async Task<Person> FindOrCreateAsync(string email, string? name, CancellationToken ct)
    {
        var normalized = Person.NormalizeEmail(email);
        var existing = await ByEmail(db, normalized, ct);
        if (existing is not null) return existing;
        var domain = normalized[(normalized.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var organizationId = await db.Organizations.Where(o => o.Domain == domain).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
        var person = new Person
        {
            Name = string.IsNullOrWhiteSpace(name) ? normalized[..normalized.IndexOf('@', StringComparison.Ordinal)] : name.Trim(),
            Email = normalized,
            OrganizationId = organizationId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.People.Add(person);
        try
        {
            await db.SaveChangesAsync(ct);
            return person;
        }
        catch (DbUpdateException)
        {
            // Someone else met this person at the same moment: use theirs.
            db.Entry(person).State = EntityState.Detached;
            return (await ByEmail(db, normalized, ct))!;
        }
    }
}
