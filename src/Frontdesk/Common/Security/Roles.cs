// The role and policy names every module speaks; Identity gives them meaning (accounts, sign-in, the policies themselves).
namespace Frontdesk.Common.Security;

/// <summary>The fixed roles. Agents, team leads and managers all work tickets; admins configure.</summary>
internal static class Roles
{
    public const string Customer = "customer";
    public const string Agent = "agent";
    public const string TeamLead = "teamlead";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Customer, Agent, TeamLead, Manager, Admin];

    /// <summary>Roles that may see and work every ticket.</summary>
    public static readonly IReadOnlyList<string> Staff = [Agent, TeamLead, Manager, Admin];
}
