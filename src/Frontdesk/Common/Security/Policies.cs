namespace Frontdesk.Common.Security;

/// <summary>Every endpoint names one of these; anything unnamed falls back to "signed in".</summary>
internal static class Policies
{
    /// <summary>Any API caller with a valid token.</summary>
    public const string Api = "api";

    /// <summary>API callers who are agents, team leads, managers or admins.</summary>
    public const string ApiStaff = "api-staff";

    /// <summary>API callers who are admins.</summary>
    public const string ApiAdmin = "api-admin";

    /// <summary>Signed in on the web pages (cookie).</summary>
    public const string Web = "web";
}
