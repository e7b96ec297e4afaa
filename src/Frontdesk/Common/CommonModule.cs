using System.Text.Json;
using System.Text.Json.Serialization;
using Frontdesk.Common.Blobs;
using Frontdesk.Common.Broadcast;
using Frontdesk.Common.Data;
using Frontdesk.Common.Http;
using Frontdesk.Common.Startup;
using Frontdesk.Common.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Frontdesk.Common;

/// <summary>The database, clock, blobs, HTML cleaning, JSON and problem details every module uses.</summary>
public static class CommonModule
{
    public const string SqliteMigrations = "Frontdesk.Migrations.Sqlite";
    public const string PostgresMigrations = "Frontdesk.Migrations.Postgres";

    public static IServiceCollection AddFrontdeskCommon(this IServiceCollection services, IConfiguration configuration, StartupSettings settings)
    {
        services.Configure<FrontdeskOptions>(configuration.GetSection(FrontdeskOptions.Section));
        services.AddSingleton(settings);
        services.AddSingleton(new NodeIdentity(settings.Options.NodeName, settings.DataDirectory, configuration["urls"]));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteWriteGate>();
        // Modules hook into every save with interceptors they register as IInterceptor (ticket
        // changes are dispatched there); they run before the SQLite write gate is taken.
        services.AddPooledDbContextFactory<FrontdeskDbContext>((sp, o) =>
            Configure(o, settings, [.. sp.GetServices<IInterceptor>(), sp.GetRequiredService<SqliteWriteGate>()]));
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<FrontdeskDbContext>>().CreateDbContext();
            db.Services = sp;
            return db;
        });
        services.AddSingleton(sp => new RedisConnection(settings.Options, sp.GetRequiredService<ILogger<RedisConnection>>()));
        services.AddSingleton<NodeBroadcast>();
        if (!string.IsNullOrWhiteSpace(settings.Options.Redis.Configuration))
        {
            // Hubs (Blazor's circuits, and later the console's push to phones) reach clients on every node.
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
        services.AddHealthChecks().AddDbContextCheck<FrontdeskDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Provider options with the host's <paramref name="interceptors"/> (tools that write alone pass none).</summary>
    public static void Configure(DbContextOptionsBuilder options, StartupSettings settings, IReadOnlyList<IInterceptor>? interceptors = null)
    {
        // The SQLite write gate is among the host's interceptors; PostgreSQL needs no gate.
        var hooks = (interceptors ?? []).Where(i => settings.Provider == DatabaseProvider.Sqlite || i is not SqliteWriteGate).ToArray();
        if (hooks.Length > 0) options.AddInterceptors(hooks);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(settings.PostgresConnectionString, x => x.MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            var file = Path.Combine(settings.DataDirectory, "frontdesk.db");
            options.UseSqlite($"Data Source={file};Pooling=True", x => x.MigrationsAssembly(SqliteMigrations))
                .AddInterceptors(SqlitePragmas.Instance)
                // SQLite rebuilds a table to change it, with foreign keys off around the rebuild; PRAGMA
                // foreign_keys cannot run inside a transaction, which EF reports as a warning on every
                // fresh database. It is how SQLite works, not a problem to act on.
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
        }
    }
}
