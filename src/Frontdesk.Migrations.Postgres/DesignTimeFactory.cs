using Frontdesk.Database;
using Frontdesk.Common;
using Frontdesk.Common.Data;
using Frontdesk.Common.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Frontdesk.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for Postgres without the web host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FrontdeskDbContext>
{
    public FrontdeskDbContext CreateDbContext(string[] args)
    {
        var settings = new StartupSettings(DatabaseProvider.Postgres, Path.GetTempPath(), "Host=localhost;Database=frontdesk_design;Username=frontdesk;Password=frontdesk", new FrontdeskOptions());
        var options = new DbContextOptionsBuilder<FrontdeskDbContext>();
        DatabaseModule.Configure(options, settings);
        return new FrontdeskDbContext(options.Options);
    }
}
