using Frontdesk.Database;
using Frontdesk.Common;
using Frontdesk.Common.Data;
using Frontdesk.Common.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Frontdesk.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for Sqlite without the web host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FrontdeskDbContext>
{
    public FrontdeskDbContext CreateDbContext(string[] args)
    {
        var settings = new StartupSettings(DatabaseProvider.Sqlite, Path.GetTempPath(), null, new FrontdeskOptions());
        var options = new DbContextOptionsBuilder<FrontdeskDbContext>();
        DatabaseModule.Configure(options, settings);
        return new FrontdeskDbContext(options.Options);
    }
}
