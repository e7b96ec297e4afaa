using Frontdesk.Common.Data;
using Microsoft.Extensions.Configuration;

namespace Frontdesk.Common.Startup;

/// <summary>Configuration checked before anything starts; each problem is one plain sentence. Modules check their own sections (FrontdeskModules.ReadSettings).</summary>
internal sealed record StartupSettings(DatabaseProvider Provider, string DataDirectory, string? PostgresConnectionString, FrontdeskOptions Options)
{
    public static StartupSettings Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(FrontdeskOptions.Section).Get<FrontdeskOptions>() ?? new FrontdeskOptions();
        if (!Enum.TryParse<DatabaseProvider>(options.Database.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider)
            || int.TryParse(options.Database.Provider, out _))
        {
            throw new StartupProblemException(
                $"Frontdesk__Database__Provider is '{options.Database.Provider}'; set it to Sqlite (embedded, the default) or Postgres.");
        }
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        EnsureWritable(dataDirectory);
        string? connectionString = null;
        if (provider == DatabaseProvider.Postgres)
        {
            connectionString = configuration.GetConnectionString("Frontdesk");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new StartupProblemException(
                    "The Postgres provider needs ConnectionStrings__Frontdesk, e.g. Host=localhost;Database=frontdesk;Username=frontdesk;Password=...");
            }
            connectionString = WithPreparedStatements(connectionString);
        }
        return new StartupSettings(provider, dataDirectory, connectionString, options);
    }

    /// <summary>
    /// Lets Npgsql prepare the statements Frontdesk runs again and again, unless the connection
    /// string says otherwise: PostgreSQL then skips parsing and planning them, which took a third
    /// of its time on mail intake (docs/benchmarks.md).
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        Npgsql.NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupProblemException($"ConnectionStrings__Frontdesk cannot be read: {e.Message} Write it as Host=...;Database=...;Username=...;Password=...", e);
        }
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) builder.MaxAutoPrepare = MaxAutoPrepare;
        return builder.ConnectionString;
    }

    /// <summary>Distinct statements kept prepared per connection; mail intake and the API use a few dozen.</summary>
    public const int MaxAutoPrepare = 100;

    private static void EnsureWritable(string directory)
    {
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupProblemException(
                $"The data directory '{directory}' is not writable ({e.GetType().Name}); set Frontdesk__DataDirectory to a folder Frontdesk may write.", e);
        }
    }
}
