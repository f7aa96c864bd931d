using CloudOMS.Silo;
using CloudOMS.Silo.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudOMS.Grains.Tests.Persistence;

/// <summary>Many grains' writes arriving together are saved in shared transactions, each answered with its own outcome.</summary>
public sealed class SqliteWriteBatcherTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("batcher-").FullName;
    private StorageBackend _backend = null!;
    private SqliteWriteBatcher _batcher = null!;

    public async Task InitializeAsync()
    {
        _backend = StorageBackend.Create(new StorageOptions(), new CloudOmsOptions { DataDirectory = _folder });
        SqliteTuning.EnableWriteAheadLog(_backend.SqliteConnectionString!);
        await new SchemaMigrator(_backend, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).Migrate();
        _batcher = new SqliteWriteBatcher(_backend.DataSource, new StorageChangeSignal());
    }

    public async Task DisposeAsync()
    {
        await _batcher.DisposeAsync();
        await _backend.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static GrainRow Row(string key, int? expected, string body = "{}") =>
        new("svc", "order", key, System.Text.Encoding.UTF8.GetBytes(body), expected);

    [Fact]
    public async Task Concurrent_writes_of_many_grains_all_commit_with_their_own_versions_and_change_sequence()
    {
        var first = await Task.WhenAll(Enumerable.Range(0, 600).Select(i => _batcher.Write(Row($"t:a/order:{i}", null))));
        var second = await Task.WhenAll(Enumerable.Range(0, 600).Select(i => _batcher.Write(Row($"t:a/order:{i}", 1, $"{{\"n\":{i}}}"))));

        Assert.All(first, v => Assert.Equal(1, v));
        Assert.All(second, v => Assert.Equal(2, v));
        await using var connection = new SqliteConnection(_backend.SqliteConnectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*), COUNT(DISTINCT ChangeSeq), MAX(ChangeSeq) FROM OrleansStorage";
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(600, reader.GetInt64(0));
        Assert.Equal(600, reader.GetInt64(1)); // every row's last write has its own place in the change feed
        Assert.Equal(1200, reader.GetInt64(2));
    }

    [Fact]
    public async Task Writes_one_after_another_each_commit()
    {
        Assert.Equal(1, await _batcher.Write(Row("t:a/order:x1", null)));
        Assert.Equal(1, await _batcher.Write(Row("t:a/order:x2", null)));
        Assert.Equal(2, await _batcher.Write(Row("t:a/order:x1", 1)));
        Assert.Equal(1, await _batcher.Write(Row("t:a/order:x3", null)));
    }

    [Fact]
    public async Task A_stale_version_fails_alone_and_the_rows_written_beside_it_stand()
    {
        Assert.Equal(1, await _batcher.Write(Row("t:a/order:stale", null)));

        var writes = new List<Task<int?>>();
        for (var i = 0; i < 100; i++) writes.Add(_batcher.Write(Row($"t:a/order:n{i}", null)));
        writes.Add(_batcher.Write(Row("t:a/order:stale", 7)));
        writes.Add(_batcher.Write(Row("t:a/order:n0", null))); // "insert" of a row that now exists: a conflict too
        var versions = await Task.WhenAll(writes);

        Assert.All(versions.Take(100), v => Assert.Equal(1, v));
        Assert.Null(versions[100]);
        Assert.Null(versions[101]);
        Assert.Equal(2, await _batcher.Write(Row("t:a/order:stale", 1)));
    }
}
