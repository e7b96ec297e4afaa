namespace Frontdesk.Tickets.Domain;

/// <summary>
/// Priority derived from impact × urgency. The default is the ITIL matrix; admins may change
/// any cell (stored as <see cref="PriorityMatrixCell"/> rows).
/// </summary>
internal sealed class PriorityMatrix
{
    private readonly Dictionary<(Impact, Urgency), Priority> _cells;

    public PriorityMatrix(IEnumerable<PriorityMatrixCell> cells)
    {
        _cells = DefaultCells().ToDictionary(c => (c.Impact, c.Urgency), c => c.Priority);
        foreach (var cell in cells)
        {
            _cells[(cell.Impact, cell.Urgency)] = cell.Priority;
        }
    }

    public static PriorityMatrix Default { get; } = new([]);

    public Priority PriorityFor(Impact impact, Urgency urgency) => _cells[(impact, urgency)];

    public IEnumerable<PriorityMatrixCell> Cells() =>
        _cells.Select(kv => new PriorityMatrixCell { Impact = kv.Key.Item1, Urgency = kv.Key.Item2, Priority = kv.Value })
              .OrderByDescending(c => c.Impact).ThenByDescending(c => c.Urgency);

    public static IReadOnlyList<PriorityMatrixCell> DefaultCells() =>
    [
        new() { Impact = Impact.High, Urgency = Urgency.High, Priority = Priority.Critical },
        new() { Impact = Impact.High, Urgency = Urgency.Medium, Priority = Priority.High },
        new() { Impact = Impact.High, Urgency = Urgency.Low, Priority = Priority.Medium },
        new() { Impact = Impact.Medium, Urgency = Urgency.High, Priority = Priority.High },
        new() { Impact = Impact.Medium, Urgency = Urgency.Medium, Priority = Priority.Medium },
        new() { Impact = Impact.Medium, Urgency = Urgency.Low, Priority = Priority.Low },
        new() { Impact = Impact.Low, Urgency = Urgency.High, Priority = Priority.Medium },
        new() { Impact = Impact.Low, Urgency = Urgency.Medium, Priority = Priority.Low },
        new() { Impact = Impact.Low, Urgency = Urgency.Low, Priority = Priority.Planning },
    ];
}

internal sealed class PriorityMatrixCell
{
    public Impact Impact { get; set; }
    public Urgency Urgency { get; set; }
    public Priority Priority { get; set; }
}
