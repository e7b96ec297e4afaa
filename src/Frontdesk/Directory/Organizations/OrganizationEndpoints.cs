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

namespace Frontdesk.Directory.Organizations;

internal sealed record OrganizationDto(long Id, string Name, string? Domain, bool MembersSeeAllTickets);

/// <param name="MembersSeeAllTickets">Let every member see all of the organization's tickets.</param>
internal sealed record SaveOrganizationRequest(string? Name, string? Domain = null, bool? MembersSeeAllTickets = null);

internal static partial class OrganizationEndpoints
{
    private const string DomainRule = "domain must be a mail domain like northwind.example (letters, digits, dots and dashes, at most 200 characters), or empty.";

    /// <summary>The organization's mail domain: empty means none; otherwise a host name, lower case.</summary>
    private static bool TryDomain(string? value, out string? domain)
    {
        domain = string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
        return domain is null || (domain.Length <= Limits.Name && DomainPattern().IsMatch(domain));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DomainPattern();

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organizations").WithTags("Organizations");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.ApiStaff).WithSummary("List organizations");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.ApiAdmin).WithSummary("Add an organization (admin)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatch("/{id:long}", UpdateAsync).RequireAuthorization(Policies.ApiAdmin).WithSummary("Change an organization (admin)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<Page<OrganizationDto>>> ListAsync(FrontdeskDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new Page<OrganizationDto>(
            await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new OrganizationDto(o.Id, o.Name, o.Domain, o.MembersSeeAllTickets)).ToListAsync(ct),
            null));

    private static async Task<Results<Created<OrganizationDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SaveOrganizationRequest request, FrontdeskDbContext db, DirectoryNames names, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > Limits.Name) return Problems.Invalid("name", $"name is required (at most {Limits.Name} characters).");
        var name = request.Name.Trim();
        if (!TryDomain(request.Domain, out var domain)) return Problems.Invalid("domain", DomainRule);
        if (await db.Organizations.AnyAsync(o => o.Name == name, ct)) return Problems.Conflict($"An organization named '{name}' exists already.");
        var org = new Organization { Name = name, Domain = domain, MembersSeeAllTickets = request.MembersSeeAllTickets ?? false };
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        names.Evict();
        return TypedResults.Created($"/api/v1/organizations/{org.Id}", new OrganizationDto(org.Id, org.Name, org.Domain, org.MembersSeeAllTickets));
    }

    private static async Task<Results<Ok<OrganizationDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, SaveOrganizationRequest request, FrontdeskDbContext db, DirectoryNames names, CancellationToken ct)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return Problems.NotFound($"Organization {id}");
        if (request.Name is not null)
        {
            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > Limits.Name) return Problems.Invalid("name", $"name must be 1-{Limits.Name} characters.");
            var name = request.Name.Trim();
            if (await db.Organizations.AnyAsync(o => o.Name == name && o.Id != id, ct)) return Problems.Conflict($"An organization named '{name}' exists already.");
            org.Name = name;
        }
        if (request.Domain is not null)
        {
            if (!TryDomain(request.Domain, out var domain)) return Problems.Invalid("domain", DomainRule);
            org.Domain = domain;
        }
        if (request.MembersSeeAllTickets is not null) org.MembersSeeAllTickets = request.MembersSeeAllTickets.Value;
        await db.SaveChangesAsync(ct);
        names.Evict();
        return TypedResults.Ok(new OrganizationDto(org.Id, org.Name, org.Domain, org.MembersSeeAllTickets));
    }
}
