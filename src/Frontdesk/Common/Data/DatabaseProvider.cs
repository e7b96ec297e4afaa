namespace Frontdesk.Common.Data;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
