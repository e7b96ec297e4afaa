using Frontdesk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.IntegrationTests.Data;

public abstract class MigrationTests(FrontdeskApp app)
{
    [Fact]
    public void The_model_has_no_changes_without_a_migration() =>
        app.WithDb(db => db.Database.HasPendingModelChanges()).ShouldBeFalse(
            $"The model changed: run scripts/add-migration <Name> ({app.Provider}).");

    [Fact]
    public void Every_migration_is_applied_on_start() =>
        app.WithDb(db => db.Database.GetPendingMigrations().ToList()).ShouldBeEmpty();
}

public sealed class SqliteMigrationTests(SqliteApp app) : MigrationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMigrationTests(PostgresApp app) : MigrationTests(app), IClassFixture<PostgresApp>;
