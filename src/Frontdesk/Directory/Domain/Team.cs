namespace Frontdesk.Directory.Domain;

/// <summary>A group of agents; the tier says which line of support it is (1, 2 or 3).</summary>
internal sealed class Team
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public int Tier { get; set; } = 1;
    public string? Description { get; set; }
    public List<TeamMember> Members { get; set; } = [];
}

internal sealed class TeamMember
{
    public long TeamId { get; set; }
    public long PersonId { get; set; }
}
