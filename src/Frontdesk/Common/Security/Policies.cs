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

    /// <summary>Signed in on the web pages as an agent, team lead, manager or admin: the agent console.</summary>
    public const string WebStaff = "web-staff";

    /// <summary>Signed in on the web pages as an admin: the console's administration screens.</summary>
    public const string WebAdmin = "web-admin";
}
