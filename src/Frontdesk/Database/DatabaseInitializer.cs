using Frontdesk.Common.Security;
using Frontdesk.Common.Data;
using Frontdesk.Demo;
using Frontdesk.Directory.Domain;
using Frontdesk.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Frontdesk.Common.Startup;

namespace Frontdesk.Database;

/// <summary>At start-up: migrate, make sure roles exist, create the first admin, and fill an empty database with demo data.</summary>
internal static class DatabaseInitializer
{
    public static async Task<DemoAccounts?> InitializeAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var settings = sp.GetRequiredService<StartupSettings>();
        var db = sp.GetRequiredService<FrontdeskDbContext>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Frontdesk.Startup");
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                // Write-ahead logging: readers never wait for the writer; the setting stays in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            if (settings.Options.Database.MigrateOnStart) await db.Database.MigrateAsync(ct);
            else await db.Database.CanConnectAsync(ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            throw new StartupProblemException(settings.Provider == DatabaseProvider.Postgres
                ? $"Cannot reach or migrate the PostgreSQL database ({Describe(settings.PostgresConnectionString)}): {e.GetBaseException().Message} Check ConnectionStrings__Frontdesk and that the server runs."
                : $"Cannot open or migrate the SQLite database in '{settings.DataDirectory}': {e.GetBaseException().Message}", e);
        }

        var accounts = sp.GetRequiredService<Accounts>();
        await accounts.EnsureRolesAsync();
        await sp.GetRequiredService<Frontdesk.Directory.Phones>().BackfillAsync(db, ct);
        var bootstrap = sp.GetRequiredService<IOptions<BootstrapOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(bootstrap.AdminEmail) && !await accounts.AnyAdminAsync(ct))
        {
            var email = Person.NormalizeEmail(bootstrap.AdminEmail);
            var person = await db.People.FirstOrDefaultAsync(p => p.Email == email, ct)
                ?? new Person { Name = "Administrator", Email = email, CreatedAt = sp.GetRequiredService<TimeProvider>().GetUtcNow() };
            await accounts.CreateAsync(person, bootstrap.AdminPassword!, Roles.Admin);
            log.LogInformation("Created the first admin {Email}", email);
        }

        var demoOptions = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demoOptions.Enabled && !await db.Tickets.AnyAsync(ct) && !await db.People.AnyAsync(p => !db.Users.Any(u => u.PersonId == p.Id), ct))
        {
            var demo = await sp.GetRequiredService<DemoDataGenerator>().GenerateAsync(demoOptions, ct);
            log.LogInformation("Generated demo data: {People} people, {Tickets} tickets", demo.People, demo.Tickets);
            return demo;
        }
        return demoOptions.Enabled ? DemoAccounts.Existing : null;
    }

    private static string Describe(string? connectionString)
    {
        try
        {
            var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return $"Host={b.Host};Port={b.Port};Database={b.Database};Username={b.Username}";
        }
        catch (ArgumentException)
        {
            return "connection string unreadable";
        }
    }
}
