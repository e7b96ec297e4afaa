using Frontdesk.Common.Data;
using Frontdesk.Common.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Database;

/// <summary>
/// The one database every module keeps its tables in: the context, its model and migrations. It
/// knows every module's entities (and so may depend on every module); modules use the context and
/// should change another module's tables only through that module's services (people through
/// PeopleDirectory, accounts through Accounts). The allowed edges between modules are a table in
/// tests/Frontdesk.ArchitectureTests/ModuleEdgeTests.cs.
/// </summary>
internal static class DatabaseModule
{
    public const string SqliteMigrations = "Frontdesk.Migrations.Sqlite";
    public const string PostgresMigrations = "Frontdesk.Migrations.Postgres";

    public static IServiceCollection AddFrontdeskDatabase(this IServiceCollection services, StartupSettings settings)
    {
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
