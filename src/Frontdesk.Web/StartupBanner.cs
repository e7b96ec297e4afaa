using Frontdesk.Common.Startup;
using Frontdesk.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Frontdesk.Web;

/// <summary>Tells the person who started Frontdesk where to sign in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, StartupSettings settings, DemoAccounts? demo)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "http://localhost:5080";
        var lines = new List<string>
        {
            "",
            $"Frontdesk is running: {url}",
            $"  sign in:        {url}/signin",
            $"  API reference:  {url}/scalar",
            $"  database:       {settings.Provider}, data in {settings.DataDirectory}",
        };
        if (demo is not null)
        {
            lines.Add($"  demo accounts (password '{DemoAccounts.Password}'):");
            lines.Add($"    admin     {DemoAccounts.Admin}");
            lines.Add($"    agent     {DemoAccounts.Agent}");
            lines.Add($"    customer  {DemoAccounts.Customer}");
        }
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
