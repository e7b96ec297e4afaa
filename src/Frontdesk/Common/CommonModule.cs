using System.Text.Json;
using System.Text.Json.Serialization;
using Frontdesk.Common.Blobs;
using Frontdesk.Common.Data;
using Frontdesk.Common.Http;
using Frontdesk.Common.Startup;
using Frontdesk.Common.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        services.AddDbContextPool<FrontdeskDbContext>((sp, o) => Configure(o, settings, sp.GetRequiredService<SqliteWriteGate>()));
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

    /// <summary>Provider options; <paramref name="writeGate"/> queues SQLite writers of one process (tools that write alone pass none).</summary>
    public static void Configure(DbContextOptionsBuilder options, StartupSettings settings, SaveChangesInterceptor? writeGate = null)
    {
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
            if (writeGate is not null) options.AddInterceptors(writeGate);
        }
    }
}
