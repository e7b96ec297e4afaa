namespace Frontdesk.Directory.Domain;

/// <summary>An office or location; its time zone is the default for the people there.</summary>
internal sealed class Site
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>IANA time zone, e.g. <c>Europe/Berlin</c>.</summary>
    public required string TimeZone { get; set; }
}
