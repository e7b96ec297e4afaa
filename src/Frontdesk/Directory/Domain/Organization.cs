namespace Frontdesk.Directory.Domain;

/// <summary>A company or business unit whose people ask IT for help.</summary>
internal sealed class Organization
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>E-mail domain used to place new people into this organization.</summary>
    public string? Domain { get; set; }

    /// <summary>When true, every member sees all of the organization's tickets, not only their own.</summary>
    public bool MembersSeeAllTickets { get; set; }
}
