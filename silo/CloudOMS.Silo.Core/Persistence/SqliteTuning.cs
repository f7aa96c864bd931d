using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CloudOMS.Silo.Persistence;

/// <summary>
/// Per-connection SQLite settings that have no connection-string keyword. Without busy_timeout,
/// Microsoft.Data.Sqlite sleeps its thread in 150 ms steps on a busy database; synchronous=NORMAL
/// is durable in WAL mode across process crashes and much faster than FULL.
/// </summary>
public static class SqliteTuning
{
    public const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    /// <summary>WAL lets readers (the API, the projection) run beside the writer; it is stored in the file.</summary>
    public static void EnableWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }
}

/// <summary>A data source the Orleans provider opens connections from, each tuned on open.</summary>
public sealed class TunedSqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new TunedSqliteConnection(connectionString);

    private sealed class TunedSqliteConnection(string connectionString) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            SqliteTuning.Apply(this);
        }
    }
}

/// <summary>The same settings for EF Core connections (read model).</summary>
public sealed class SqliteTuningInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        SqliteTuning.Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SqliteTuning.Apply(connection);
        return Task.CompletedTask;
    }
}
