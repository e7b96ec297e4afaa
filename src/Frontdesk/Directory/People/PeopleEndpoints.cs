using Frontdesk.Common;
using Frontdesk.Database;
using Frontdesk.Common.Security;
using Frontdesk.Common.Http;
using Frontdesk.Common.Text;
using Frontdesk.Directory.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Directory.People;

/// <param name="EmailFailingSince">Set when mail to the address bounced; <paramref name="EmailFailure"/> says why.</param>
internal sealed record PersonDto(
    long Id, string Name, string Email, string? Phone, string? MobilePhone, long? OrganizationId, long? DepartmentId,
    long? SiteId, string TimeZone, long? ManagerId, bool IsVip, DateTimeOffset? EmailFailingSince = null, string? EmailFailure = null,
    string? PhoneE164 = null, string? MobilePhoneE164 = null);

/// <summary>Changes to a person (staff); fields left out stay as they are. The e-mail address is not changed here:
/// it is how a person signs in and how mail finds their tickets.</summary>
/// <param name="EmailWorksAgain">True clears the "address failing" mark after a bounce was sorted out.</param>
internal sealed record UpdatePersonRequest(
    string? Name = null, string? Phone = null, string? MobilePhone = null, long? OrganizationId = null, long? DepartmentId = null,
    long? SiteId = null, string? TimeZone = null, long? ManagerId = null, bool? IsVip = null, bool? EmailWorksAgain = null);

/// <summary>A new person (staff only).</summary>
internal sealed record CreatePersonRequest(
    string? Name, string? Email, string? Phone = null, string? MobilePhone = null, long? OrganizationId = null,
    long? SiteId = null, string? TimeZone = null, long? ManagerId = null, bool IsVip = false);

internal static class PeopleEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people").WithTags("People").RequireAuthorization(Policies.ApiStaff);
        group.MapGet("/", ListAsync).WithSummary("List people, optionally filtered by name, e-mail or phone number (in any written form)").ProducesValidationProblem();
        group.MapGet("/{id:long}", GetAsync).WithSummary("One person").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithSummary("Add a person").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatch("/{id:long}", UpdateAsync).WithSummary("Change a person's details").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Page<PersonDto>>, ValidationProblem>> ListAsync(
        FrontdeskDbContext db, Phones phones, string? q, int? limit, string? cursor, CancellationToken ct)
    {
        var errors = new Errors();
        var take = Paging.Limit(limit, errors);
        Cursor after = default;
        if (cursor is not null && !Cursor.TryDecode(cursor, out after)) errors.Add("cursor", "cursor is not one this server gave out.");
        if (errors.Any) return Problems.Invalid(errors);
        var people = db.People.AsNoTracking().Where(p => p.Id > after.Id);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            // A phone number in any written form finds the person by their numbers in E.164.
            var e164 = phones.ToE164(q);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL LOWER(); culture does not apply
            people = people.Where(p => p.Email.StartsWith(term) || p.Name.ToLower().Contains(term)
                || (e164 != null && (p.PhoneE164 == e164 || p.MobilePhoneE164 == e164)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var rows = await people.OrderBy(p => p.Id).Take(take + 1).Select(p => ToDto(p)).ToListAsync(ct);
        var next = rows.Count > take ? new Cursor(rows[take - 1].Id, rows[take - 1].Id).Encode() : null;
        return TypedResults.Ok(new Page<PersonDto>(rows.Take(take).ToList(), next));
    }

    private static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> GetAsync(long id, FrontdeskDbContext db, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return person is null ? Problems.NotFound($"Person {id}") : TypedResults.Ok(ToDto(person));
    }

    private static async Task<Results<Created<PersonDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreatePersonRequest request, FrontdeskDbContext db, Phones phones, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > Limits.PersonName) errors.Add("name", $"name is required (at most {Limits.PersonName} characters).");
        if (!PeopleDirectory.IsValidEmail(request.Email)) errors.Add("email", "email must be an e-mail address.");
        CheckPhones(request.Phone, request.MobilePhone, errors);
        var timeZone = request.TimeZone ?? TimeZones.Unset;
        if (TimeZones.Find(timeZone) is null) errors.Add("timeZone", $"'{timeZone}' is not a known time zone; use an IANA name such as Europe/Berlin.");
        if (request.OrganizationId is { } org && !await db.Organizations.AnyAsync(o => o.Id == org, ct)) errors.Add("organizationId", $"There is no organization {org}.");
        if (request.SiteId is { } site && !await db.Sites.AnyAsync(s => s.Id == site, ct)) errors.Add("siteId", $"There is no site {site}.");
        if (request.ManagerId is { } manager && !await db.People.AnyAsync(p => p.Id == manager, ct)) errors.Add("managerId", $"There is no person {manager}.");
        if (errors.Any) return Problems.Invalid(errors);
        var email = Person.NormalizeEmail(request.Email!);
        if (await db.People.AnyAsync(p => p.Email == email, ct)) return Problems.Conflict($"A person with the e-mail {email} exists already.");
        var person = new Person
        {
            Name = request.Name!.Trim(), Email = email, Phone = request.Phone, MobilePhone = request.MobilePhone,
            OrganizationId = request.OrganizationId, SiteId = request.SiteId, TimeZone = timeZone, ManagerId = request.ManagerId,
            IsVip = request.IsVip, CreatedAt = clock.GetUtcNow(),
        };
        phones.Apply(person);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/people/{person.Id}", ToDto(person));
    }

    private static async Task<Results<Ok<PersonDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, UpdatePersonRequest request, FrontdeskDbContext db, Phones phones, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return Problems.NotFound($"Person {id}");
        var errors = new Errors();
        if (request.Name is not null && (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > Limits.PersonName)) errors.Add("name", $"name must be 1-{Limits.PersonName} characters.");
        CheckPhones(request.Phone, request.MobilePhone, errors);
        if (request.TimeZone is not null && TimeZones.Find(request.TimeZone) is null)
        {
            errors.Add("timeZone", $"'{request.TimeZone}' is not a known time zone; use an IANA name such as Europe/Berlin.");
        }
        if (request.OrganizationId is { } org && !await db.Organizations.AnyAsync(o => o.Id == org, ct)) errors.Add("organizationId", $"There is no organization {org}.");
        if (request.DepartmentId is { } department && !await db.Departments.AnyAsync(d => d.Id == department, ct)) errors.Add("departmentId", $"There is no department {department}.");
        if (request.SiteId is { } site && !await db.Sites.AnyAsync(s => s.Id == site, ct)) errors.Add("siteId", $"There is no site {site}.");
        if (request.ManagerId == id) errors.Add("managerId", "A person cannot be their own manager.");
        else if (request.ManagerId is { } manager && !await db.People.AnyAsync(p => p.Id == manager, ct)) errors.Add("managerId", $"There is no person {manager}.");
        if (errors.Any) return Problems.Invalid(errors);
        if (request.Name is not null) person.Name = request.Name.Trim();
        if (request.Phone is not null) person.Phone = request.Phone.Trim();
        if (request.MobilePhone is not null) person.MobilePhone = request.MobilePhone.Trim();
        phones.Apply(person);
        if (request.OrganizationId is not null) person.OrganizationId = request.OrganizationId;
        if (request.DepartmentId is not null) person.DepartmentId = request.DepartmentId;
        if (request.SiteId is not null) person.SiteId = request.SiteId;
        if (request.TimeZone is not null) person.TimeZone = request.TimeZone;
        if (request.ManagerId is not null) person.ManagerId = request.ManagerId;
        if (request.IsVip is not null) person.IsVip = request.IsVip.Value;
        if (request.EmailWorksAgain == true)
        {
            person.EmailFailingSince = null;
            person.EmailFailure = null;
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(person));
    }

    private static void CheckPhones(string? phone, string? mobilePhone, Errors errors)
    {
        if (phone is { Length: > 50 }) errors.Add("phone", "phone is limited to 50 characters.");
        if (mobilePhone is { Length: > 50 }) errors.Add("mobilePhone", "mobilePhone is limited to 50 characters.");
    }

    private static PersonDto ToDto(Person p) =>
        new(p.Id, p.Name, p.Email, p.Phone, p.MobilePhone, p.OrganizationId, p.DepartmentId, p.SiteId, p.TimeZone, p.ManagerId, p.IsVip,
            p.EmailFailingSince, p.EmailFailure, p.PhoneE164, p.MobilePhoneE164);
}
