using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace CloudOMS.Silo.Persistence;

/// <summary>
/// On PostgreSQL each commit waits for its WAL flush, which costs far more than each row in it. Grain writes that
/// arrive while a transaction runs wait here and are saved together by the next free lane: up to
/// <see cref="MaxBatch"/> rows in one transaction, sent in one round trip (a batch of the provider's own write
/// statement, one per row, which PostgreSQL runs as one implicit transaction). <see cref="Lanes"/> transactions may
/// be in flight at once, each on its own connection: while one waits for its flush the next gathers and sends, so
/// the server's disk and the network are both kept busy; more lanes would only split the same writes into smaller
/// transactions, each with its own flush, on a server with few cores. Every caller is answered only after the
/// transaction holding its row has committed. A failed transaction fails every write in it (the grains treat that
/// as "outcome unknown" and retry); a row whose version no longer matches fails alone, as the provider's own write
/// would. All rows of one transaction share its ChangeSeq (see <see cref="GrainStateStore.ReadChanges"/>).
/// </summary>
public sealed class PostgresWriteBatcher : IAsyncDisposable
{
    public const int MaxBatch = 512;
    public const int Lanes = 3;

    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = false });
    private readonly NpgsqlDataSource _dataSource;
    private readonly StorageChangeSignal _changes;
    private readonly Task[] _lanes;
    private string? _writeQuery;

    public PostgresWriteBatcher(NpgsqlDataSource dataSource, StorageChangeSignal changes, int lanes = Lanes)
    {
        (_dataSource, _changes) = (dataSource, changes);
        _lanes = Enumerable.Range(0, lanes).Select(_ => Task.Run(Lane)).ToArray();
    }

    /// <summary>Saves the row; returns its new version, or null when the stored version was not the expected one.</summary>
    public Task<int?> Write(GrainRow row)
    {
        var work = new Work(row);
        return _queue.Writer.TryWrite(work) ? work.Done.Task : Task.FromException<int?>(new ObjectDisposedException(nameof(PostgresWriteBatcher)));
    }

    private sealed record Work(GrainRow Row)
    {
        public TaskCompletionSource<int?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async Task Lane()
    {
        var batch = new List<Work>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            try
            {
                var versions = await Save(batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(versions[i]);
                _changes.Notify();
            }
            catch (Exception error)
            {
                foreach (var work in batch) work.Done.TrySetException(error);
            }
            batch.Clear();
        }
    }

    private async Task<int?[]> Save(List<Work> batch)
    {
        // Rows in key order, so two lanes that ever hold the same rows (a grain briefly active twice) lock them in the
        // same order and cannot deadlock.
        var order = Enumerable.Range(0, batch.Count)
            .OrderBy(i => batch[i].Row.StateName, StringComparer.Ordinal).ThenBy(i => batch[i].Row.GrainKey, StringComparer.Ordinal).ToArray();
        await using var connection = await _dataSource.OpenConnectionAsync();
        var query = _writeQuery ??= await ReadWriteQuery(connection);
        await using var command = new NpgsqlBatch(connection);
        foreach (var i in order) command.BatchCommands.Add(Command(query, batch[i].Row));
        var versions = new int?[batch.Count];
        await using (var reader = await command.ExecuteReaderAsync())
        {
            foreach (var i in order)
            {
                versions[i] = await reader.ReadAsync() && !reader.IsDBNull(0) ? reader.GetInt32(0) : null;
                await reader.NextResultAsync();
            }
            // The implicit transaction commits when the server reaches the end of the batch; closing the reader waits
            // for that answer, so a commit that fails (or a connection lost before it) fails every row here.
            await reader.CloseAsync();
        }
        return versions;
    }

    private static NpgsqlBatchCommand Command(string query, GrainRow row)
    {
        var command = new NpgsqlBatchCommand(query);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<string>("ServiceId", row.ServiceId));
        parameters.Add(new NpgsqlParameter<string>("GrainTypeString", row.StateName));
        parameters.Add(new NpgsqlParameter<string>("GrainIdExtensionString", row.GrainKey));
        parameters.Add(new NpgsqlParameter<byte[]>("PayloadBinary", row.Payload));
        parameters.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = row.ExpectedVersion is { } v ? v : DBNull.Value });
        // String grain keys have no integer parts; the hashes are informational (every query keys on the primary key).
        parameters.Add(new NpgsqlParameter<long>("GrainIdN0", 0L));
        parameters.Add(new NpgsqlParameter<long>("GrainIdN1", 0L));
        parameters.Add(new NpgsqlParameter<int>("GrainIdHash", 0));
        parameters.Add(new NpgsqlParameter<int>("GrainTypeHash", 0));
        return command;
    }

    private static async Task<string> ReadWriteQuery(NpgsqlConnection connection)
    {
        await using var query = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'", connection);
        return (string)(await query.ExecuteScalarAsync() ?? throw new InvalidOperationException("WriteToStorageKey query row is missing"));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_lanes);
    }
}
