using Frontdesk.Database;
using Frontdesk.Common;
using Frontdesk.Common.Startup;
using Frontdesk.Demo;
using Frontdesk.Directory;
using Frontdesk.Email;
using Frontdesk.Identity;
using Frontdesk.Tickets;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk;

/// <summary>The one place the host learns about the modules.</summary>
internal static class FrontdeskModules
{
    public static IServiceCollection AddFrontdesk(this IServiceCollection services, IConfiguration configuration, StartupSettings settings)
    {
        services.AddFrontdeskCommon(configuration, settings);
        services.AddFrontdeskDatabase(settings);
        services.AddFrontdeskIdentity(configuration);
        services.AddScoped<Accounts>();
        services.AddDirectory();
        services.AddTickets(settings.Provider);
        services.AddEmail();
        services.AddDemo();
        return services;
    }

    /// <summary>The configuration checked before anything starts: the host's, then each module's own section.</summary>
    public static StartupSettings ReadSettings(IConfiguration configuration)
    {
        var settings = StartupSettings.Read(configuration);
        BootstrapCheck.Check(configuration.GetSection(BootstrapOptions.Section).Get<BootstrapOptions>() ?? new());
        EmailSettingsCheck.Check(configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new());
        return settings;
    }

    public static IEndpointRouteBuilder MapFrontdeskApi(this IEndpointRouteBuilder app)
    {
        app.MapIdentityEndpoints();
        app.MapDirectoryEndpoints();
        app.MapTicketEndpoints();
        app.MapEmailEndpoints();
        return app;
    }
}
