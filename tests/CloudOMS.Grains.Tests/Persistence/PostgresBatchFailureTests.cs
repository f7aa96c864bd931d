using CloudOMS.Silo.Persistence;
using Npgsql;

namespace CloudOMS.Grains.Tests.Persistence;

/// <summary>On PostgreSQL a grain write travels in a transaction with other grains' writes: when that transaction dies, the grain says so.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class PostgresBatchFailureTests(SharedClusters clusters)
{
    [Fact]
    public async Task Reservations_whose_transaction_loses_its_connection_report_outcome_unknown_and_a_retry_returns_the_true_outcome()
    {
        var oms = await clusters.For(StorageProvider.Postgres);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 30));
        var sku = oms.Grains.Sku(tenant, "S1");
        var dataSource = (NpgsqlDataSource)oms.Service<StorageBackend>().DataSource;

        // Hold the SKU's row so the transaction carrying its next write waits; then end that transaction's connection.
        await using var locker = await dataSource.OpenConnectionAsync();
        await using var holding = await locker.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand(
            "SELECT 1 FROM OrleansStorage WHERE GrainTypeString = 'sku' AND GrainIdExtensionString = @key FOR UPDATE", locker, holding))
        {
            hold.Parameters.AddWithValue("key", GrainKeys.Sku(tenant, "S1"));
            Assert.Equal(1, await hold.ExecuteScalarAsync());
        }
        var requests = Enumerable.Range(0, 10).Select(i => new ReserveRequest($"op-{i}", $"order-{i}", 1, ["WH1"])).ToList();
        var calls = requests.Select(r => sku.Reserve(r)).ToList();
        await using (var kill = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pg_backend_pid() <> pid AND @locker = ANY(pg_blocking_pids(pid))", locker, holding))
        {
            kill.Parameters.AddWithValue("locker", locker.ProcessID);
            await Eventually.Until(async () => await kill.ExecuteScalarAsync() is true, done => done, what: "the batch waiting for the SKU's row ended");
        }
        await holding.RollbackAsync();

        var unknown = 0;
        foreach (var call in calls)
        {
            try
            {
                Assert.True((await call).Reserved);
            }
            catch (OutcomeUnknownException)
            {
                unknown++;
            }
        }
        Assert.True(unknown > 0, "no caller of the failed transaction was told its outcome is unknown");

        var retried = await Task.WhenAll(requests.Select(r => sku.Reserve(r)));
        Assert.All(retried, r => Assert.True(r.Reserved));
        Assert.Equal(10, (await sku.Get())!.Level("WH1").Reserved);
        // The reservations belonged to no order: give them back as their orders would.
        foreach (var request in requests)
            await sku.Release(new StockOpRequest(request.OperationId + ":undo", request.OrderId, "WH1", 1));
        Assert.Equal(0, (await sku.Get())!.Level("WH1").Reserved);
    }
}
