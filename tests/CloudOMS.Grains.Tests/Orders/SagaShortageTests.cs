using CloudOMS.Silo.Audit;

namespace CloudOMS.Grains.Tests.Orders;

/// <summary>
/// The shortages that end an approval are saved with the saga step, not kept in the grain's memory: a refusal
/// decided by a later activation (after a crash) names the short SKUs as one decided at once would.
/// </summary>
public sealed class SagaShortageTests
{
    private static readonly string[] Warehouses = ["WH1", "WH2", "WH3"];

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_refusal_decided_after_a_silo_crash_still_names_the_short_skus(StorageProvider provider)
    {
        // No periodic sweep: the test resumes the saga itself, one step at a time.
        await using var oms = await CloudOmsCluster.Start(
            new Dictionary<string, string?> { ["CloudOms:SagaSweepInterval"] = "01:00:00" }, typeof(FaultyStorage.Configurator), provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1), ("WH2", 2), ("WH3", 3));
        await TestTenant.Sku(oms.Grains, tenant, "A", [.. Warehouses.Select(w => (w, 10))]);
        await TestTenant.Sku(oms.Grains, tenant, "B", [.. Warehouses.Select(w => (w, 10))]);
        var order = oms.Grains.Order(tenant, "SO-1");
        await order.Create(TestTenant.Order(("A", 2), ("B", 8)));
        var key = GrainKeys.Order(tenant, "SO-1");

        // Each warehouse can fill the order when it is chosen, and loses B before the reservation reaches it: the
        // write of the new step lands but reports a failure, so the grain stops there and starts again from storage.
        using (FaultyStorage.Arm(new FaultPlan(StorageNames.Order, key, FaultMode.FailAfterWrite)))
            await Assert.ThrowsAsync<OutcomeUnknownException>(() => order.Approve("clerk"));
        foreach (var warehouse in Warehouses)
        {
            await oms.Grains.Sku(tenant, "B").Move(new StockMove(Guid.NewGuid().ToString("N"), StockMoveKind.Adjust, warehouse, -5, null, "盘点短少", "test"));
            // Resumed, the step is refused on B and compensated (a write that passes), then the next warehouse is
            // chosen (the write that fails). At the third the saga gives up, and the compensation is the write
            // that fails: the silo dies with the refusal yet to be decided.
            var last = warehouse == Warehouses[^1];
            using (FaultyStorage.Arm(new FaultPlan(StorageNames.Order, key, FaultMode.FailAfterWrite, skip: last ? 0 : 1)))
                await Assert.ThrowsAsync<OutcomeUnknownException>(() => order.ResumeSaga());
        }
        await oms.KillAndRestart();

        Assert.True(await oms.Grains.Order(tenant, "SO-1").ResumeSaga());
        var refused = (await oms.Grains.Order(tenant, "SO-1").Get())!;
        Assert.Equal((OrderStatus.PendingReview, StockHold.None), (refused.Status, refused.Hold));
        Assert.Equal(("approve-refused", "B 8>5"), (refused.Timeline[^1].Event, refused.Timeline[^1].Detail));
        foreach (var warehouse in Warehouses)
        {
            Assert.Equal(0, (await oms.Grains.Sku(tenant, "A").Get())!.Level(warehouse).Reserved);
            Assert.Equal(0, (await oms.Grains.Sku(tenant, "B").Get())!.Level(warehouse).Reserved);
        }
        Assert.True((await oms.Service<StockAudit>().Run(tenant)).Clean);
    }
}
