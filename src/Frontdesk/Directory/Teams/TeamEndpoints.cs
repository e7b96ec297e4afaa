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

namespace Frontdesk.Directory.Teams;

internal sealed record TeamDto(long Id, string Name, int Tier, string? Description, IReadOnlyList<long> MemberIds);

/// <param name="Tier">1 (first line), 2 or 3.</param>
/// <param name="MemberIds">Person ids of the agents in the team.</param>
internal sealed record CreateTeamRequest(string? Name, int Tier = 1, string? Description = null, IReadOnlyList<long>? MemberIds = null);

/// <summary>Everyone who should be in the team; people not listed leave it.</summary>
internal sealed record SetTeamMembersRequest(IReadOnlyList<long>? MemberIds);

internal static class TeamEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/teams").WithTags("Teams");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.ApiStaff).WithSummary("List teams with their tier and members");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.ApiAdmin).WithSummary("Add a team (admin)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:long}/members", SetMembersAsync).RequireAuthorization(Policies.ApiAdmin)
            .WithSummary("Set who is in the team (admin)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<Page<TeamDto>>> ListAsync(FrontdeskDbContext db, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().Include(t => t.Members).OrderBy(t => t.Tier).ThenBy(t => t.Name).ToListAsync(ct);
        return TypedResults.Ok(new Page<TeamDto>(teams.Select(ToDto).ToList(), null));
    }

    private static async Task<Results<Created<TeamDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTeamRequest request, FrontdeskDbContext db, DirectoryNames names, CancellationToken ct)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > Limits.Label) errors.Add("name", $"name is required (at most {Limits.Label} characters).");
        if (request.Description?.Length > Limits.Description) errors.Add("description", $"description is limited to {Limits.Description} characters.");
        if (request.MemberIds?.Count > Limits.ListItems) errors.Add("memberIds", $"At most {Limits.ListItems} members at once.");
        if (request.Tier is < 1 or > 3) errors.Add("tier", "tier is 1 (first line), 2 or 3.");
        var members = request.MemberIds?.Distinct().ToList() ?? [];
        var known = await db.People.Where(p => members.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        foreach (var missing in members.Except(known)) errors.Add("memberIds", $"There is no person {missing}.");
        if (errors.Any) return Problems.Invalid(errors);
        var name = request.Name!.Trim();
        if (await db.Teams.AnyAsync(t => t.Name == name, ct)) return Problems.Conflict($"A team named '{name}' exists already.");
        var team = new Team { Name = name, Tier = request.Tier, Description = request.Description };
        team.Members.AddRange(members.Select(id => new TeamMember { PersonId = id }));
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        names.Evict();
        return TypedResults.Created($"/api/v1/teams/{team.Id}", ToDto(team));
    }

    private static async Task<Results<Ok<TeamDto>, ValidationProblem, ProblemHttpResult>> SetMembersAsync(
        long id, SetTeamMembersRequest request, FrontdeskDbContext db, CancellationToken ct)
    {
        var team = await db.Teams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return Problems.NotFound($"Team {id}");
        if (request.MemberIds?.Count > Limits.ListItems) return Problems.Invalid("memberIds", $"At most {Limits.ListItems} members at once.");
        var members = request.MemberIds?.Distinct().ToList() ?? [];
        var known = await db.People.Where(p => members.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var errors = new Errors();
        foreach (var missing in members.Except(known)) errors.Add("memberIds", $"There is no person {missing}.");
        if (errors.Any) return Problems.Invalid(errors);
        team.Members.RemoveAll(m => !members.Contains(m.PersonId));
        team.Members.AddRange(members.Where(p => team.Members.All(m => m.PersonId != p)).Select(p => new TeamMember { PersonId = p }).ToList());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(team));
    }

    private static TeamDto ToDto(Team t) => new(t.Id, t.Name, t.Tier, t.Description, t.Members.Select(m => m.PersonId).Order().ToList());
}
