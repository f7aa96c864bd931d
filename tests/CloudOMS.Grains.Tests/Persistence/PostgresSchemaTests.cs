using System.Data.Common;
using CloudOMS.Silo;
using CloudOMS.Silo.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CloudOMS.Grains.Tests.Persistence;

/// <summary>Our PostgreSQL scripts against the contract the Orleans provider and the projection rely on.</summary>
public sealed class PostgresSchemaTests : IAsyncLifetime
{
    private string _database = "";
    private StorageBackend _backend = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabase();
        _backend = StorageBackend.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = _database }, new CloudOmsOptions());
    }

    public async Task DisposeAsync()
    {
        await _backend.DisposeAsync();
        await TestPostgres.DropDatabase(_database);
    }

    [Fact]
    public async Task The_migrator_applies_each_script_once_and_leaves_every_query_the_providers_need()
    {
        var first = await Migrator().Migrate();
        var second = await Migrator().Migrate();

        Assert.Equal(["0001_orleans_storage.sql", "0002_orleans_storage_queries.sql", "0003_orleans_clustering.sql", "0004_orleans_reminders.sql"], first);
        Assert.Empty(second);
        var keys = await Scalars<string>("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey");
        string[] needed =
        [
            "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey",
            "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey", "UpdateIAmAlivetimeKey",
            "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
            "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "UpsertReminderRowKey",
            "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        Assert.Equal(needed.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_write_returns_a_new_version_only_when_the_version_passed_matches()
    {
        await Migrator().Migrate();
        await using var connection = await _backend.DataSource.OpenConnectionAsync();

        Assert.Equal(1, await Write(connection, null, "t:a/sku:1", null));
        Assert.Null(await Write(connection, null, "t:a/sku:1", null));
        Assert.Equal(2, await Write(connection, null, "t:a/sku:1", 1));
        Assert.Null(await Write(connection, null, "t:a/sku:1", 1));
        Assert.Equal(3, await Write(connection, null, "t:a/sku:1", 2));
    }

    [Fact]
    public async Task The_change_feed_never_passes_a_write_whose_transaction_commits_late()
    {
        await Migrator().Migrate();
        var store = new GrainStateStore(_backend, "svc");
        await using var slow = await _backend.DataSource.OpenConnectionAsync();
        await using var fast = await _backend.DataSource.OpenConnectionAsync();

        await using var transaction = await slow.BeginTransactionAsync();
        await Write(slow, transaction, "t:a/order:slow", null);
        await Write(fast, null, "t:a/order:fast", null);
        // The fast write committed, but the slow one (an older transaction) may still commit with a lower ChangeSeq.
        Assert.Empty(await store.ReadChanges(0, 100, default));

        await transaction.CommitAsync();
        // The horizon is server-wide: transactions of other tests on the same server may hold it back a moment.
        var changes = await Eventually.Until(() => store.ReadChanges(0, 100, default), c => c.Count == 2, what: "both changes past the horizon");
        Assert.Equal(["t:a/order:slow", "t:a/order:fast"], changes.Select(c => c.GrainKey));
        Assert.True(changes[0].ChangeSeq < changes[1].ChangeSeq);
        Assert.Empty(await store.ReadChanges(changes[^1].ChangeSeq, 100, default));
    }

    private SchemaMigrator Migrator() => new(_backend, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);

    /// <summary>Runs the provider's own write query as the provider would.</summary>
    private async Task<int?> Write(DbConnection connection, DbTransaction? transaction, string key, int? version)
    {
        var sql = (await Scalars<string>("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'")).Single();
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
        command.Parameters.AddWithValue("ServiceId", "svc");
        command.Parameters.AddWithValue("GrainTypeString", "state");
        command.Parameters.AddWithValue("GrainIdN0", 0L);
        command.Parameters.AddWithValue("GrainIdN1", 0L);
        command.Parameters.AddWithValue("GrainIdExtensionString", key);
        command.Parameters.AddWithValue("GrainIdHash", key.GetHashCode());
        command.Parameters.AddWithValue("GrainTypeHash", 7);
        command.Parameters.AddWithValue("PayloadBinary", "{}"u8.ToArray());
        command.Parameters.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)version ?? DBNull.Value });
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? null : Convert.ToInt32(result);
    }

    private async Task<List<T>> Scalars<T>(string sql)
    {
        await using var command = _backend.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }
}
