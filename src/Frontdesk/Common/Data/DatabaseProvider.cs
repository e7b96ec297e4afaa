namespace Frontdesk.Common.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
