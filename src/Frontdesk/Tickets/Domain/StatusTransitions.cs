namespace Frontdesk.Tickets.Domain;

/// <summary>
/// Which status categories a ticket may move between. Closed is final: a closed ticket
/// is never reopened, a follow-up ticket is opened instead, so reports stay true.
/// </summary>
internal static class StatusTransitions
{
    private static readonly Dictionary<StatusCategory, StatusCategory[]> Allowed = new()
    {
        [StatusCategory.New] = [StatusCategory.Open, StatusCategory.Pending, StatusCategory.Resolved, StatusCategory.Closed],
        [StatusCategory.Open] = [StatusCategory.Open, StatusCategory.Pending, StatusCategory.Resolved],
        [StatusCategory.Pending] = [StatusCategory.Open, StatusCategory.Pending, StatusCategory.Resolved],
        [StatusCategory.Resolved] = [StatusCategory.Open, StatusCategory.Closed],
        [StatusCategory.Closed] = [],
    };

    public static bool IsAllowed(StatusCategory from, StatusCategory to) => Allowed[from].Contains(to);

    public static IReadOnlyList<StatusCategory> From(StatusCategory from) => Allowed[from];
}
