using Frontdesk.Database;
using System.Collections.Concurrent;
using System.Net.Mail;
using Frontdesk.Common.Text;
using Frontdesk.Directory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Frontdesk.Directory;

/// <summary>The Directory module's public surface for other modules: find people, or meet new ones.</summary>
internal sealed class PeopleDirectory(FrontdeskDbContext db, Phones phones, TimeProvider clock)
{
    public static bool IsValidEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= Limits.Email && MailAddress.TryCreate(email.Trim(), out var parsed)
        && parsed.Address.Equals(email.Trim(), StringComparison.OrdinalIgnoreCase) && parsed.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>The person with this address, not tracked: read it, or attach it to change it.</summary>
    public Task<Person?> FindByEmailAsync(string email, CancellationToken ct) => ByEmailAsync(Person.NormalizeEmail(email), ct);

    // Compiled once per model (an EF compiled query refuses a model it was not compiled for, and
    // the tests run SQLite and PostgreSQL in one process): every ticket create and every mail
    // looks a person up by address, and compiling saves the query cache look-up each time.
    private static readonly ConcurrentDictionary<IModel, Func<FrontdeskDbContext, string, CancellationToken, Task<Person?>>> ByEmail = new();

    private Task<Person?> ByEmailAsync(string normalized, CancellationToken ct) =>
        ByEmail.GetOrAdd(db.Model, static _ => EF.CompileAsyncQuery((FrontdeskDbContext c, string email, CancellationToken _) =>
            c.People.AsNoTracking().FirstOrDefault(p => p.Email == email)))(db, normalized, ct);

    /// <summary>One person, for their own profile page.</summary>
    public Task<Person> GetAsync(long id, CancellationToken ct) => db.People.AsNoTracking().FirstAsync(p => p.Id == id, ct);

    /// <summary>The time zone a person reads times in; "UTC" stands for "the browser's" (no choice made).</summary>
    public Task SetTimeZoneAsync(long id, string timeZone, CancellationToken ct) =>
        db.People.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.TimeZone, timeZone), ct);

    /// <summary>
    /// Adds people the caller made whole (bootstrap, accounts, demo data) to the unit of work: people
    /// are created only by the directory, here or in <see cref="FindOrCreateAsync"/>.
    /// </summary>
    public void Add(params IEnumerable<Person> added)
    {
        foreach (var person in added)
        {
            phones.Apply(person);
            db.People.Add(person);
        }
    }

    /// <summary>The person with this e-mail; a new one (placed in the organization owning the domain) if unknown.</summary>
    public async Task<Person> FindOrCreateAsync(string email, string? name, CancellationToken ct)
    {
        var normalized = Person.NormalizeEmail(email);
        var existing = await ByEmailAsync(normalized, ct);
        if (existing is not null) return existing;
        var domain = normalized[(normalized.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var organizationId = await db.Organizations.Where(o => o.Domain == domain).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
        var person = new Person
        {
            Name = Clip.To(string.IsNullOrWhiteSpace(name) ? normalized[..normalized.IndexOf('@', StringComparison.Ordinal)] : name.Trim(), Limits.PersonName),
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
            // Anything but that race (a value the database refused) is not ours to hide.
            var theirs = await ByEmailAsync(normalized, ct);
            if (theirs is null) throw;
            return theirs;
        }
    }

    /// <summary>Marks an address as failing after a bounce; the next mail that gets through does not clear it by itself.</summary>
    public Task MarkEmailFailingAsync(string email, string reason, CancellationToken ct)
    {
        var normalized = Person.NormalizeEmail(email);
        var now = clock.GetUtcNow();
        var text = Clip.To(reason, 1000);
        return db.People.Where(p => p.Email == normalized)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.EmailFailingSince, now).SetProperty(p => p.EmailFailure, text), ct);
    }
}
