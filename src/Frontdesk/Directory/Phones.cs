using Frontdesk.Database;
using Frontdesk.Directory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace Frontdesk.Directory;

/// <summary>The <c>Frontdesk:Directory</c> section.</summary>
internal sealed class DirectoryOptions
{
    public const string Section = "Frontdesk:Directory";

    /// <summary>
    /// ISO 3166 region for numbers written without a country code ("030 901820" with <c>DE</c>);
    /// unset: only numbers with a country code ("+49 30 901820", "0049 ..." is not one) are understood.
    /// </summary>
    public string? PhoneRegion { get; set; }
}

/// <summary>
/// Phone numbers in E.164, whatever their written form, with Google's libphonenumber: a caller
/// identified by "+49 30 901820" is the person whose profile says "030 / 90 18 20".
/// </summary>
internal sealed class Phones(IOptions<DirectoryOptions> options)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>"+4930901820"; null for text that is no possible number (an extension, words, too long).</summary>
    public string? ToE164(string? written)
    {
        // Six digits at least: an internal extension ("ext. 4711") is no number to match callers by.
        if (string.IsNullOrWhiteSpace(written) || written.Length > 50 || written.Count(char.IsAsciiDigit) < 6) return null;
        try
        {
            var number = Util.Parse(written, options.Value.PhoneRegion?.ToUpperInvariant() ?? "ZZ");
            if (!Util.IsPossibleNumber(number)) return null;
            var e164 = Util.Format(number, PhoneNumberFormat.E164);
            return e164.Length <= 16 ? e164 : null; // E.164: at most 15 digits
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Sets the person's E.164 numbers from the written ones.</summary>
    public void Apply(Person person)
    {
        person.PhoneE164 = ToE164(person.Phone);
        person.MobilePhoneE164 = ToE164(person.MobilePhone);
    }

    /// <summary>
    /// At start: people stored before E.164 was kept get theirs. Stores as it goes. (Numbers already
    /// in E.164 are not worked out again when <see cref="DirectoryOptions.PhoneRegion"/> changes.)
    /// </summary>
    public async Task BackfillAsync(FrontdeskDbContext db, CancellationToken ct)
    {
        long after = 0;
        while (true)
        {
            var batch = await db.People
                .Where(p => p.Id > after && ((p.Phone != null && p.PhoneE164 == null) || (p.MobilePhone != null && p.MobilePhoneE164 == null)))
                .OrderBy(p => p.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0) return;
            foreach (var person in batch) Apply(person);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }
    }
}
