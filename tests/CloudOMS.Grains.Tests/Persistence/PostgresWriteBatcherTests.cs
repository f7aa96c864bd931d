using CloudOMS.Silo;
using CloudOMS.Silo.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CloudOMS.Grains.Tests.Persistence;

/// <summary>
/// On PostgreSQL many grains' writes arriving together are saved in shared transactions, each answered with its own
/// outcome only after the commit, and the change feed hands the projection every row of such a transaction.
/// </summary>
public sealed class PostgresWriteBatcherTests : IAsyncLifetime
{
    private string _database = "";
    private StorageBackend _backend = null!;
    private NpgsqlDataSource DataSource => (NpgsqlDataSource)_backend.DataSource;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabase();
        _backend = StorageBackend.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = _database }, new CloudOmsOptions());
        await new SchemaMigrator(_backend, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).Migrate();
    }

    public async Task DisposeAsync()
    {
        await _backend.DisposeAsync();
        await TestPostgres.DropDatabase(_database);
    }

    private static GrainRow Row(string key, int? expected, string body = "{}") =>
        new("svc", "order", key, System.Text.Encoding.UTF8.GetBytes(body), expected);

    [Fact]
    public async Task Concurrent_writes_of_many_grains_read_back_as_written_in_far_fewer_transactions_than_writes()
    {
        await using var batcher = new PostgresWriteBatcher(DataSource, new StorageChangeSignal());
        var before = await CommittedTransactions();

        var first = await Task.WhenAll(Enumerable.Range(0, 600).Select(i => batcher.Write(Row($"t:a/order:{i}", null))));
        var second = await Task.WhenAll(Enumerable.Range(0, 600).Select(i => batcher.Write(Row($"t:a/order:{i}", 1, $"{{\"n\":{i}}}"))));

        var committed = await CommittedTransactions() - before;
        Assert.All(first, v => Assert.Equal(1, v));
        Assert.All(second, v => Assert.Equal(2, v));
        Assert.True(committed < 120, $"1,200 writes took {committed} committed transactions");
        var store = new GrainStateStore(_backend, "svc");
        foreach (var i in new[] { 0, 299, 599 })
        {
            var stored = await store.ReadOne("order", $"t:a/order:{i}", default);
            Assert.Equal(2, stored!.Version);
            Assert.Equal($"{{\"n\":{i}}}", System.Text.Encoding.UTF8.GetString(stored.Payload!));
        }
        Assert.True(await Scalar("SELECT COUNT(DISTINCT ChangeSeq) FROM OrleansStorage") < 120);
    }

    [Fact]
    public async Task A_stale_version_fails_alone_and_the_rows_written_beside_it_stand()
    {
        await using var batcher = new PostgresWriteBatcher(DataSource, new StorageChangeSignal());
        Assert.Equal(1, await batcher.Write(Row("t:a/order:stale", null)));

        var writes = new List<Task<int?>>();
        for (var i = 0; i < 100; i++) writes.Add(batcher.Write(Row($"t:a/order:n{i}", null)));
        writes.Add(batcher.Write(Row("t:a/order:stale", 7)));
        writes.Add(batcher.Write(Row("t:a/order:n0", null))); // "insert" of a row that now exists: a conflict too
        var versions = await Task.WhenAll(writes);

        Assert.All(versions.Take(100), v => Assert.Equal(1, v));
        Assert.Null(versions[100]);
        Assert.Null(versions[101]);
        Assert.Equal(101, await Scalar("SELECT COUNT(*) FROM OrleansStorage"));
        Assert.Equal(2, await batcher.Write(Row("t:a/order:stale", 1)));
    }

    [Fact]
    public async Task A_transaction_whose_connection_is_killed_fails_every_write_in_it_and_saves_none_of_them()
    {
        // One lane, so the writes queued behind a blocked transaction form the next one together.
        await using var batcher = new PostgresWriteBatcher(DataSource, new StorageChangeSignal(), lanes: 1);
        Assert.Equal(1, await batcher.Write(Row("t:a/order:locked1", null)));
        Assert.Equal(1, await batcher.Write(Row("t:a/order:locked2", null)));
        await using var locker = await DataSource.OpenConnectionAsync();
        await using var holding = await locker.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT 1 FROM OrleansStorage WHERE GrainIdExtensionString LIKE 't:a/order:locked%' FOR UPDATE", locker, holding))
            await hold.ExecuteNonQueryAsync();

        var blocked = batcher.Write(Row("t:a/order:locked1", 1));
        var first = await WriterWaitingForTheLock();
        // Queued while the lane waits, so they travel together in its next transaction (rows in key order: the "b" rows
        // are written there before it waits on locked2).
        var queued = Enumerable.Range(0, 50).Select(i => batcher.Write(Row($"t:a/order:b{i}", null)))
            .Append(batcher.Write(Row("t:a/order:locked2", 1))).ToList();
        await Kill(first);
        await Kill(await WriterWaitingForTheLock());
        await holding.RollbackAsync();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => blocked);
        Assert.True(DatabaseFailure.IsUnavailable(failure), failure.ToString());
        foreach (var write in queued)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => write);
            Assert.True(DatabaseFailure.IsUnavailable(error), error.ToString());
        }
        Assert.Equal(0, await Scalar("SELECT COUNT(*) FROM OrleansStorage WHERE GrainIdExtensionString LIKE 't:a/order:b%'"));
        Assert.Equal(2, await Scalar("SELECT COUNT(*) FROM OrleansStorage WHERE Version = 1"));
        // The lane carries on with a fresh connection; the failed writes can be sent again.
        Assert.Equal(2, await batcher.Write(Row("t:a/order:locked1", 1)));
        Assert.Equal(1, await batcher.Write(Row("t:a/order:b0", null)));
    }

    [Fact]
    public async Task The_change_feed_never_ends_a_page_inside_one_transactions_rows()
    {
        await Execute("INSERT INTO OrleansStorage SELECT 'svc', 'order', 0, 0, 't:a/order:g' || g, 0, 0, '{}'::bytea, 1, now(), " +
                      "pg_current_xact_id()::text::bigint FROM generate_series(1, 10) g");
        await Execute("INSERT INTO OrleansStorage SELECT 'svc', 'order', 0, 0, 't:a/order:late', 0, 0, '{}'::bytea, 1, now(), pg_current_xact_id()::text::bigint");
        var store = new GrainStateStore(_backend, "svc");
        await Eventually.Until(() => store.ReadChanges(0, 100, default), c => c.Count == 11, what: "both transactions past the horizon");

        // The projection's way of reading: pages of at most "limit" rows, each next page after the last row's ChangeSeq.
        var seen = new List<string>();
        var position = 0L;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await store.ReadChanges(position, 3, default);
            if (page.Count == 0) break;
            seen.AddRange(page.Select(c => c.GrainKey));
            position = page[^1].ChangeSeq;
        }

        Assert.Equal(11, seen.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(g => $"t:a/order:g{g}").Append("t:a/order:late").Order(StringComparer.Ordinal),
            seen.Order(StringComparer.Ordinal));
    }

    private async Task<long> WriterWaitingForTheLock() => await Eventually.Until(
        () => Scalar("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' LIMIT 1"),
        pid => pid > 0, what: "a batch waiting for the held rows");

    private async Task Kill(long pid)
    {
        await Execute($"SELECT pg_terminate_backend({pid})");
        await Eventually.Until(() => Scalar($"SELECT COUNT(*) FROM pg_stat_activity WHERE pid = {pid}"), n => n == 0, what: "the writer gone");
    }

    /// <summary>Transactions committed in this test's database so far (the server publishes them within about a second).</summary>
    private async Task<long> CommittedTransactions()
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task<long> Scalar(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? Convert.ToInt64(value) : 0;
    }

    private async Task Execute(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
