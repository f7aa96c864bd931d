using System.Data.Common;
using CloudOMS.Storage;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CloudOMS.Silo.Persistence;

/// <summary>
/// What differs between the grain-storage databases, in one place: where connections come from,
/// the ADO.NET invariant the Orleans providers load, which scripts build the schema, how many
/// writes may run at once, and how far the change feed may be read safely.
/// </summary>
public sealed class StorageBackend : IAsyncDisposable
{
    private StorageBackend(StorageProvider provider, DbDataSource dataSource, string invariant, int maxConcurrentWrites, string? sqliteConnectionString)
    {
        Provider = provider;
        DataSource = dataSource;
        Invariant = invariant;
        MaxConcurrentWrites = maxConcurrentWrites;
        SqliteConnectionString = sqliteConnectionString;
    }

    public StorageProvider Provider { get; }
    public DbDataSource DataSource { get; }
    public string Invariant { get; }
    public int MaxConcurrentWrites { get; }

    /// <summary>The folder of our schema scripts: Persistence/Scripts/{ScriptFolder}/.</summary>
    public string ScriptFolder => Provider.ToString();

    /// <summary>Set for SQLite only: the grain file, which start-up switches to WAL.</summary>
    public string? SqliteConnectionString { get; }

    /// <summary>
    /// An extra condition on the change feed. On PostgreSQL a row's ChangeSeq is the id of the
    /// transaction that wrote it; ids below the oldest transaction still running are final, so a
    /// reader never skips a row whose transaction commits late (a sequence would allow that).
    /// </summary>
    public string ChangeFeedHorizon => Provider == StorageProvider.Postgres
        ? " AND ChangeSeq < pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
        : "";

    /// <summary>Held while migrating, so silos starting together apply each script once.</summary>
    public string? MigrationLock => Provider == StorageProvider.Postgres ? AdvisoryLocks.Lock(AdvisoryLocks.GrainSchemaMigration) : null;
    public string? MigrationUnlock => Provider == StorageProvider.Postgres ? AdvisoryLocks.Unlock(AdvisoryLocks.GrainSchemaMigration) : null;

    public static StorageOptions ReadOptions(IConfiguration configuration) => DataLocation.ReadStorage(configuration);

    public static StorageBackend Create(StorageOptions storage, CloudOmsOptions oms)
    {
        if (storage.Provider == StorageProvider.Postgres)
            return new StorageBackend(StorageProvider.Postgres, CreatePostgres(storage.ConnectionString!, storage.MaxConcurrentWrites),
                "Npgsql", storage.MaxConcurrentWrites, null);
        Directory.CreateDirectory(oms.DataDirectory);
        var grainStore = $"Data Source={oms.GrainStorePath};Pooling=True";
        // SQLite has one writer at a time; the gate keeps waiting writers off the thread pool.
        return new StorageBackend(StorageProvider.Sqlite, new TunedSqliteDataSource(grainStore), "System.Data.SQLite", 1, grainStore);
    }

    /// <summary>
    /// Seconds to open a connection (including the wait for a pooled one), unless the connection string says.
    /// A fresh connection on a busy server can take more than a second (1 s made tests on a loaded machine fail).
    /// Grain calls of an API request are bounded by their 4 s deadline (ApiDeadline); a read-model query on a
    /// hung server fails after about command + 2 × connect, 9 s.
    /// </summary>
    public const int ConnectTimeoutSeconds = 3;

    /// <summary>Seconds a grain-storage command may run, unless the connection string says: key lookups and short batches.</summary>
    public const int CommandTimeoutSeconds = 3;

    /// <summary>
    /// Milliseconds to wait for the server to confirm a timed-out command was cancelled, unless the connection
    /// string says: -1, no wait. A hung server never confirms; Npgsql then breaks the connection at once.
    /// </summary>
    public const int CancellationTimeoutMilliseconds = -1;

    /// <summary>
    /// A PostgreSQL data source whose pool has room for <paramref name="writers"/> writers and their readers.
    /// Npgsql waits 15 s to connect and 30 s for a command by default; an API call must answer 503 within 5 s
    /// when the server is away, so unless the connection string sets them, one storage step gives up after
    /// at most about 4 s (connect or command, plus the cancel). A connection that breaks clears the pool
    /// (Npgsql does so itself), so the first calls after a restart open fresh connections.
    /// </summary>
    public static NpgsqlDataSource CreatePostgres(string connectionString, int writers)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.MaxPoolSize = Math.Max(settings.MaxPoolSize, writers * 2);
        var given = GivenKeywords(connectionString);
        if (!given.Contains("timeout")) settings.Timeout = ConnectTimeoutSeconds;
        if (!given.Contains("commandtimeout")) settings.CommandTimeout = CommandTimeoutSeconds;
        if (!given.Contains("cancellationtimeout")) settings.CancellationTimeout = CancellationTimeoutMilliseconds;
        return builder.Build();
    }

    /// <summary>The keywords a connection string sets, lower case without spaces ("Command Timeout" = "commandtimeout").</summary>
    private static HashSet<string> GivenKeywords(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
