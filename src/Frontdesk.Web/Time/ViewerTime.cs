using Frontdesk.Common;
using Frontdesk.Common.Http;
using Frontdesk.Database;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Web.Time;

/// <summary>
/// The time zone the person looking at a page reads times in: their profile's zone when they set
/// one, else the browser's (the <c>fd-tz</c> cookie that <c>time-zone.js</c> keeps), else UTC.
/// Once per request or circuit.
/// </summary>
internal sealed class ViewerTime(IServiceScopeFactory scopes, AuthenticationStateProvider authentication, IHttpContextAccessor http)
{
    public const string Cookie = "fd-tz";

    // The task, not its result: every time on a page asks at once, and one look-up answers all.
    private Task<TimeZoneInfo>? _zone;

    public Task<TimeZoneInfo> ZoneAsync() => _zone ??= LoadAsync();

    private async Task<TimeZoneInfo> LoadAsync()
    {
        var cookie = http.HttpContext?.Request.Cookies[Cookie];
        var caller = Caller.From((await authentication.GetAuthenticationStateAsync()).User);
        string? profile = null;
        if (caller is not null)
        {
            // Its own unit of work: the page may be using its own context meanwhile.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FrontdeskDbContext>();
            profile = await db.People.AsNoTracking().Where(p => p.Id == caller.PersonId).Select(p => p.TimeZone).FirstOrDefaultAsync();
        }
        return TimeZones.Find(TimeZones.Chosen(profile)) ?? TimeZones.Find(cookie) ?? TimeZoneInfo.Utc;
    }

    /// <summary>"2026-12-02 17:45" in the zone; "2026-12-02 16:45 UTC" when nobody told us a zone.</summary>
    public static string Short(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        + (zone == TimeZoneInfo.Utc ? " UTC" : "");

    /// <summary>"Wednesday 2 December 2026, 17:45:12 Europe/Berlin (UTC+01:00)": the hover text.</summary>
    public static string Full(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var offset = local.Offset < TimeSpan.Zero ? "-" + local.Offset.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture) : "+" + local.Offset.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
        return local.ToString("dddd d MMMM yyyy, HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + $" {zone.Id} (UTC{offset})";
    }
}
