namespace Frontdesk.Tickets.Domain;

/// <summary>An admin-named status ("Waiting for vendor") mapped to a fixed <see cref="StatusCategory"/>.</summary>
internal sealed class TicketStatus
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public StatusCategory Category { get; set; }
    public int SortOrder { get; set; }

    /// <summary>The status a ticket lands in when the workflow moves it to this category by itself.</summary>
    public bool IsDefaultForCategory { get; set; }

    /// <summary>A pending status in which the desk waits for the requester's answer: they get a reminder when it takes long.</summary>
    public bool WaitsForRequester { get; set; }

    public static IReadOnlyList<TicketStatus> Defaults() =>
    [
        new() { Id = 1, Name = "New", Category = StatusCategory.New, SortOrder = 1, IsDefaultForCategory = true },
        new() { Id = 2, Name = "Open", Category = StatusCategory.Open, SortOrder = 2, IsDefaultForCategory = true },
        new() { Id = 3, Name = "Waiting for customer", Category = StatusCategory.Pending, SortOrder = 3, IsDefaultForCategory = true, WaitsForRequester = true },
        new() { Id = 4, Name = "Waiting for vendor", Category = StatusCategory.Pending, SortOrder = 4 },
        new() { Id = 5, Name = "Resolved", Category = StatusCategory.Resolved, SortOrder = 5, IsDefaultForCategory = true },
        new() { Id = 6, Name = "Closed", Category = StatusCategory.Closed, SortOrder = 6, IsDefaultForCategory = true },
    ];
}
