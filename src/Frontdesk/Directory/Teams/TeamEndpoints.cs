using Frontdesk.Common.Data;
using Frontdesk.Common.Http;
using Frontdesk.Directory.Domain;
using Frontdesk.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Directory.Teams;

public sealed record TeamDto(long Id, string Name, int Tier, string? Description, IReadOnlyList<long> MemberIds);

/// <param name="Tier">1 (first line), 2 or 3.</param>
/// <param name="MemberIds">Person ids of the agents in the team.</param>
public sealed record CreateTeamRequest(string? Name, int Tier = 1, string? Description = null, IReadOnlyList<long>? MemberIds = null);

internal static class TeamEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/teams").WithTags("Teams");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.ApiStaff).WithSummary("List teams with their tier and members");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.ApiAdmin).WithSummary("Add a team (admin)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
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
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100) errors.Add("name", "name is required (at most 100 characters).");
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

    private static TeamDto ToDto(Team t) => new(t.Id, t.Name, t.Tier, t.Description, t.Members.Select(m => m.PersonId).Order().ToList());
}
