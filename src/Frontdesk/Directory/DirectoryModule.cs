using Frontdesk.Directory.Organizations;
using Frontdesk.Directory.People;
using Frontdesk.Directory.Teams;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Directory;

/// <summary>People, organizations, sites and teams.</summary>
internal static class DirectoryModule
{
    public static IServiceCollection AddDirectory(this IServiceCollection services) =>
        // DirectoryNames keeps names in the memory cache.
        services.AddMemoryCache().AddScoped<PeopleDirectory>().AddSingleton<DirectoryNames>().AddSingleton<Phones>()
            .AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section).Services;

    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder app)
    {
        PeopleEndpoints.Map(app);
        OrganizationEndpoints.Map(app);
        TeamEndpoints.Map(app);
        return app;
    }
}
