using Frontdesk.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Database;

/// <summary>Model parts only PostgreSQL has: the tsvector column and its GIN index.</summary>
internal static class PostgresModel
{
    public const string SearchVector = "SearchVector";

    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<SearchDocument>(b =>
        {
            b.Property<NpgsqlTypes.NpgsqlTsVector>(SearchVector)
                .HasComputedColumnSql("to_tsvector('english', \"Text\")", stored: true);
            b.HasIndex(SearchVector).HasMethod("GIN");
        });
    }
}
