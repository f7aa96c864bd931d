namespace CloudOMS.Grains.Tests.Inventory;

public sealed class ConcurrentReservationTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Ten_thousand_concurrent_reservations_sell_exactly_the_stock_and_survive_a_restart(StorageProvider provider)
    {
        await using var oms = await CloudOmsCluster.Start(provider: provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "HOT-1", ("WH1", 1_000));
        var sku = oms.Grains.Sku(tenant, "HOT-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 10_000).Select(i =>
            sku.Reserve(new ReserveRequest($"op-{i}", $"order-{i}", 1, ["WH1"]))));

        Assert.Equal(1_000, results.Count(r => r.Reserved));
        Assert.Equal(9_000, results.Count(r => !r.Reserved));
        Assert.All(results.Where(r => r.Reserved), r => Assert.Equal("WH1", r.Warehouse));

        await oms.Restart();
        var after = await oms.Grains.Sku(tenant, "HOT-1").Get();
        Assert.Equal(1_000, after!.Level("WH1").Reserved);
        Assert.Equal(1_000, after.Level("WH1").OnHand);
        Assert.Equal(0, after.Level("WH1").Available);
    }
}
