using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Demo;

/// <summary>Demo data for a fresh desk: an organization, people, agents and tickets.</summary>
internal static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddScoped<DemoDataGenerator>();
        return services;
    }
}
