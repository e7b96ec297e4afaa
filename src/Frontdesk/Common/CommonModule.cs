using System.Text.Json;
using System.Text.Json.Serialization;
using Frontdesk.Common.Blobs;
using Frontdesk.Common.Broadcast;
using Frontdesk.Common.Data;
using Frontdesk.Common.Http;
using Frontdesk.Common.Startup;
using Frontdesk.Common.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Frontdesk.Common;

/// <summary>The clock, node identity, broadcast, blobs, HTML cleaning, JSON and problem details every module uses.</summary>
internal static class CommonModule
{
    public static IServiceCollection AddFrontdeskCommon(this IServiceCollection services, IConfiguration configuration, StartupSettings settings)
    {
        services.Configure<FrontdeskOptions>(configuration.GetSection(FrontdeskOptions.Section));
        services.AddSingleton(settings);
        services.AddSingleton(new NodeIdentity(settings.Options.NodeName, settings.DataDirectory, configuration["urls"]));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton(sp => new RedisConnection(settings.Options, sp.GetRequiredService<ILogger<RedisConnection>>()));
        services.AddSingleton<NodeBroadcast>();
        if (!string.IsNullOrWhiteSpace(settings.Options.Redis.Configuration))
        {
            // The backplane lets a hub reach clients connected to any node (the console's pushes to come);
            // Blazor's circuits stay on the node that serves them (sticky sessions, docs/operations.md).
            services.AddSignalR().AddStackExchangeRedis(settings.Options.Redis.Configuration, o =>
            {
                o.Configuration.AbortOnConnectFail = false;
                o.Configuration.ChannelPrefix = RedisChannel.Literal("frontdesk-signalr");
            });
        }
        services.AddSingleton<IBlobStore>(new DirectoryBlobStore(Path.Combine(settings.DataDirectory, "blobs")));
        services.AddSingleton<HtmlCleaner>();
        services.AddProblemDetails();
        services.AddExceptionHandler<RejectionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.Converters.Add(new NoNulText.Converter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        return services;
    }
}
