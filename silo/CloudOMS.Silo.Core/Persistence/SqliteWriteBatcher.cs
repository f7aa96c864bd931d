using System.Data;
using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace CloudOMS.Silo.Persistence;

/// <summary>
/// SQLite has one writer, and each transaction costs far more than each row in it. Grain writes that arrive
/// while a transaction runs wait here and are saved together by the next one: up to <see cref="MaxBatch"/>
/// rows per transaction, on one connection with the write statement prepared once. Every caller is answered
/// only after the transaction holding its row has committed. A failed transaction fails every write in it
/// (the grains treat that as "outcome unknown" and retry); a row whose version no longer matches fails alone
/// with a version conflict, as the provider's own write would. The statement is the provider's own query row
/// (WriteToStorageKey), so rows read back exactly as the provider writes them.
/// </summary>
public sealed class SqliteWriteBatcher : IAsyncDisposable
{
    public const int MaxBatch = 512;

    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DbDataSource _grainFile;
    private readonly StorageChangeSignal _changes;
    private readonly Task _loop;

    /// <param name="grainFile">The backend's SQLite data source, whose connections come tuned (busy timeout, synchronous mode).</param>
    public SqliteWriteBatcher(DbDataSource grainFile, StorageChangeSignal changes)
    {
        (_grainFile, _changes) = (grainFile, changes);
        _loop = Task.Factory.StartNew(Loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Saves the row; returns its new version, or null when the stored version was not the expected one.</summary>
    public Task<int?> Write(GrainRow row)
    {
        var work = new Work(row, null);
        return _queue.Writer.TryWrite(work) ? work.Done.Task : Task.FromException<int?>(new ObjectDisposedException(nameof(SqliteWriteBatcher)));
    }

    /// <summary>Runs other write work (clearing a state) alone between two transactions, so no two writers meet.</summary>
    public Task Exclusive(Func<Task> action)
    {
        var work = new Work(null, action);
        return _queue.Writer.TryWrite(work) ? work.Done.Task : Task.FromException(new ObjectDisposedException(nameof(SqliteWriteBatcher)));
    }

    private sealed record Work(GrainRow? Row, Func<Task>? Action)
    {
        public TaskCompletionSource<int?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private void Loop()
    {
        SqliteConnection? connection = null;
        SqliteCommand? write = null;
        var batch = new List<Work>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryPeek(out var next) && next.Row is not null && _queue.Reader.TryRead(out next))
                batch.Add(next);
            if (batch.Count == 0 && _queue.Reader.TryRead(out var exclusive))
            {
                RunExclusive(exclusive);
                continue;
            }
            try
            {
                if (connection is null)
                {
                    connection = (SqliteConnection)_grainFile.OpenConnection();
                    write = Prepare(connection);
                }
                var versions = Save(connection, write!, batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(versions[i]);
                _changes.Notify();
            }
            catch (Exception error)
            {
                foreach (var work in batch) work.Done.TrySetException(error);
                // Start over on a fresh connection: a broken one may be stuck inside the failed transaction.
                write?.Dispose();
                connection?.Dispose();
                (connection, write) = (null, null);
            }
            batch.Clear();
        }
        write?.Dispose();
        connection?.Dispose();
    }

    private static int?[] Save(SqliteConnection connection, SqliteCommand write, List<Work> batch)
    {
        var versions = new int?[batch.Count];
        using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        write.Transaction = transaction;
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch[i].Row!;
            write.Parameters["@ServiceId"].Value = row.ServiceId;
            write.Parameters["@GrainTypeString"].Value = row.StateName;
            write.Parameters["@GrainIdExtensionString"].Value = row.GrainKey;
            write.Parameters["@PayloadBinary"].Value = row.Payload;
            write.Parameters["@GrainStateVersion"].Value = row.ExpectedVersion is { } v ? v : DBNull.Value;
            var result = write.ExecuteScalar();
            versions[i] = result is null or DBNull ? null : Convert.ToInt32(result);
        }
        transaction.Commit();
        return versions;
    }

    private static SqliteCommand Prepare(SqliteConnection connection)
    {
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'";
        var command = connection.CreateCommand();
        command.CommandText = (string)(query.ExecuteScalar() ?? throw new InvalidOperationException("WriteToStorageKey query row is missing"));
        foreach (var name in new[] { "@ServiceId", "@GrainTypeString", "@GrainIdExtensionString", "@PayloadBinary", "@GrainStateVersion" })
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        // String grain keys have no integer parts; the hashes are informational (every query keys on the primary key).
        foreach (var name in new[] { "@GrainIdN0", "@GrainIdN1", "@GrainIdHash", "@GrainTypeHash" })
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = 0 });
        command.Prepare();
        return command;
    }

    private static void RunExclusive(Work work)
    {
        try
        {
            work.Action!().GetAwaiter().GetResult();
            work.Done.TrySetResult(null);
        }
        catch (Exception error)
        {
            work.Done.TrySetException(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}

/// <summary>
/// The SQLite grain storage: reads through the ADO.NET provider, writes through the <see cref="SqliteWriteBatcher"/>
/// (serialized here with the provider's own serializer, so the stored bytes are the same), clears through the
/// provider but alone between two batches.
/// </summary>
public sealed class BatchedSqliteGrainStorage(IGrainStorage inner, SqliteWriteBatcher batcher, IGrainStorageSerializer serializer, string serviceId) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GrainRows.Write(batcher.Write, serializer, serviceId, stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        batcher.Exclusive(() => inner.ClearStateAsync(stateName, grainId, grainState));
}
