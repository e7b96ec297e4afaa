namespace Frontdesk.Email.Domain;

/// <summary>An address ("spam@example.com") or a whole domain ("@example.com") whose mail is kept but never becomes a ticket.</summary>
internal sealed class BlockedSender
{
    public long Id { get; set; }

    /// <summary>Lower-case address, or "@domain".</summary>
    public required string Pattern { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool Matches(string address) =>
        Pattern.StartsWith('@') ? address.EndsWith(Pattern, StringComparison.Ordinal) : address == Pattern;
}
