namespace CloudOMS.Grains.Tests.Persistence;

public sealed class StateSizeTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_sku_grain_state_after_100000_orders_is_no_larger_than_after_100(StorageProvider provider)
    {
        await using var oms = await CloudOmsCluster.Start(provider: provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "HOT", ("WH1", 200_000));
        var sku = oms.Grains.Sku(tenant, "HOT");
        var key = GrainKeys.Sku(tenant, "HOT");

        await ReserveAndShip(sku, 0, 100);
        var after100 = await oms.Store.PayloadSize(StorageNames.Sku, key);
        await ReserveAndShip(sku, 100, 100_000);
        var after100K = await oms.Store.PayloadSize(StorageNames.Sku, key);

        var level = (await sku.Get())!.Level("WH1");
        Assert.Equal(100_000, level.OnHand);
        Assert.Equal(0, level.Reserved);
        Assert.NotNull(after100);
        Assert.True(after100K <= after100, $"state grew from {after100} to {after100K} bytes");
    }

    /// <summary>
    /// Each order reserves one unit, acknowledges, ships it and acknowledges, as the order saga does, and as the saga
    /// retries a write whose outcome is unknown (a busy machine may let a storage write pass its command timeout) with
    /// the same operation id.
    /// </summary>
    private static async Task ReserveAndShip(ISkuInventoryGrain sku, int from, int to)
    {
        const int Concurrent = 2_000;
        for (var start = from; start < to; start += Concurrent)
        {
            var orders = Enumerable.Range(start, Math.Min(Concurrent, to - start)).Select(i => $"SO-{i}").ToList();
            var reserved = await Task.WhenAll(orders.Select(o => Retried(() => sku.Reserve(new ReserveRequest($"{o}:r1:1", o, 1, ["WH1"])))));
            Assert.All(reserved, r => Assert.True(r.Reserved));
            await Retried(() => sku.Acknowledge([.. orders.Select(o => $"{o}:r1:1")]));
            await Task.WhenAll(orders.Select(o => Retried(() => sku.Commit(new StockOpRequest($"{o}:c2:1", o, "WH1", 1)))));
            await Retried(() => sku.Acknowledge([.. orders.Select(o => $"{o}:c2:1")]));
        }
    }

    private static async Task<T> Retried<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (OutcomeUnknownException) when (attempt < 5)
            {
            }
        }
    }

    private static Task Retried(Func<Task> call) => Retried(async () =>
    {
        await call();
        return true;
    });
}
