using System.Runtime.CompilerServices;

namespace Frontdesk.IntegrationTests.Infrastructure;

internal static class Charsets
{
    /// <summary>Tests build and read MIME before any app starts: legacy charsets must be there first.</summary>
    [ModuleInitializer]
    internal static void Register() => Frontdesk.Email.EmailModule.RegisterCharsets();
}
