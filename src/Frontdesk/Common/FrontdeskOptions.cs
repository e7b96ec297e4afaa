namespace Frontdesk.Common;

/// <summary>
/// The <c>Frontdesk</c> configuration section (environment: <c>Frontdesk__Key</c>): what the host and
/// every module share. Each module binds its own section (<c>Frontdesk:Email</c>, <c>Frontdesk:Tickets</c> ...) to options it keeps.
/// </summary>
internal sealed class FrontdeskOptions
{
    public const string Section = "Frontdesk";

    /// <summary>Where the SQLite file, blobs and keys live. Default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>This node's name in leases, the same across restarts; by default the machine and a hash of its data directory and addresses.</summary>
    public string? NodeName { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public RedisOptions Redis { get; set; } = new();
}

/// <summary>Redis joins two or more nodes into one desk: the broadcast of changes and the SignalR backplane.</summary>
internal sealed class RedisOptions
{
    /// <summary>A StackExchange.Redis configuration string ("redis.internal:6379,password=..."); unset for one node alone.</summary>
    public string? Configuration { get; set; }
}

internal sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply migrations at start-up (default true).</summary>
    public bool MigrateOnStart { get; set; } = true;
}

