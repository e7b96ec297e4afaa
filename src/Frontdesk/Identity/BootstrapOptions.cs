using Frontdesk.Common.Startup;

namespace Frontdesk.Identity;

/// <summary>The <c>Frontdesk:Bootstrap</c> section: the first admin, created when there is none.</summary>
internal sealed class BootstrapOptions
{
    public const string Section = "Frontdesk:Bootstrap";

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}

/// <summary>The first admin's settings, checked before anything starts.</summary>
internal static class BootstrapCheck
{
    public static void Check(BootstrapOptions bootstrap)
    {
        if (string.IsNullOrWhiteSpace(bootstrap.AdminEmail) && string.IsNullOrEmpty(bootstrap.AdminPassword)) return;
        if (!Directory.PeopleDirectory.IsValidEmail(bootstrap.AdminEmail))
        {
            throw new StartupProblemException($"Frontdesk__Bootstrap__AdminEmail '{bootstrap.AdminEmail}' is not an e-mail address.");
        }
        if (!IsStrongPassword(bootstrap.AdminPassword))
        {
            throw new StartupProblemException(
                "Frontdesk__Bootstrap__AdminPassword is too weak: use at least 12 characters with letters and digits.");
        }
    }

    public static bool IsStrongPassword(string? password) =>
        password is { Length: >= 12 and <= 256 } && password.Any(char.IsLetter) && password.Any(char.IsDigit)
        && password.Distinct().Count() >= 6;
}
