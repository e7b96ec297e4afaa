namespace Frontdesk.Common;

/// <summary>IANA time zones by name, and what a person's profile zone means.</summary>
internal static class TimeZones
{
    /// <summary>What a profile holds when nobody chose a zone: pages then use the browser's zone, automatic mails UTC.</summary>
    public const string Unset = "UTC";

    /// <summary>A zone by its IANA name ("Europe/Berlin"); null for anything unknown, empty or over 64 characters.</summary>
    public static TimeZoneInfo? Find(string? name) =>
        name is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null;

    /// <summary>The zone a person chose; null when their profile holds <see cref="Unset"/>.</summary>
    public static string? Chosen(string? profile) => profile is null or Unset ? null : profile;
}
