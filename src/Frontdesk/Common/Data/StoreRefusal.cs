using Microsoft.EntityFrameworkCore;

namespace Frontdesk.Common.Data;

/// <summary>
/// What the database refused when a write broke one of its rules, in terms a caller can act on.
/// The last safety net behind each endpoint's own checks: a duplicate is a conflict (409) and a
/// value too long for its column a bad request (400), never a 500.
/// </summary>
internal static class StoreRefusal
{
    public enum Kind { Duplicate, TooLong }

    public static Kind? Of(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException { SqlState: "23505" } => Kind.Duplicate,
        Npgsql.PostgresException { SqlState: "22001" } => Kind.TooLong,
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => Kind.Duplicate,
        _ => null,
    };
}
