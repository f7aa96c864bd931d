using CloudOMS.Silo.Audit;

namespace CloudOMS.Grains.Tests.Inventory;

[Collection(SharedClusterCollection.Name)]
public sealed class StorageFailureTests(SharedClusters clusters)
{
    [Theory]
    [InlineData(FaultMode.FailBeforeWrite, StorageProvider.Sqlite)]
    [InlineData(FaultMode.FailAfterWrite, StorageProvider.Sqlite)]
    [InlineData(FaultMode.FailBeforeWrite, StorageProvider.Postgres)]
    [InlineData(FaultMode.FailAfterWrite, StorageProvider.Postgres)]
    public async Task Joined_callers_of_a_failed_write_learn_outcome_unknown_and_a_retry_returns_the_true_outcome(FaultMode mode, StorageProvider provider)
    {
        await using var oms = await CloudOmsCluster.Start(extraConfigurator: typeof(FaultyStorage.Configurator), provider: provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 30));
        var sku = oms.Grains.Sku(tenant, "S1");

        // Every write fails until all 50 calls are answered; the first waits until the 30 grants are applied in
        // memory, so most calls join one failing write. A refusal may still arrive after that write (the calls run
        // in parallel); it waits for the grants it was decided on, joins a later write, and that one fails too.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fault = FaultyStorage.Arm(new FaultPlan(StorageNames.Sku, tenant, mode, count: int.MaxValue) { Gate = gate });
        var requests = Enumerable.Range(0, 50).Select(i => new ReserveRequest($"op-{i}", $"order-{i}", 1, ["WH1"])).ToList();
        var calls = requests.Select(r => sku.Reserve(r)).ToList();
        await Eventually.Until(() => sku.Get(), s => s!.Level("WH1").Reserved == 30, what: "all reservations applied in memory");
        gate.SetResult();

        foreach (var call in calls)
            await Assert.ThrowsAsync<OutcomeUnknownException>(() => call);
        fault.Dispose();

        var retried = await Task.WhenAll(requests.Select(r => sku.Reserve(r)));
        Assert.Equal(30, retried.Count(r => r.Reserved));
        Assert.Equal(20, retried.Count(r => !r.Reserved));
        // A second retry answers the same, with no second effect.
        var again = await Task.WhenAll(requests.Select(r => sku.Reserve(r)));
        Assert.Equal(retried.Select(r => r.Reserved), again.Select(r => r.Reserved));

        await oms.Restart(extraConfigurator: typeof(FaultyStorage.Configurator));
        sku = oms.Grains.Sku(tenant, "S1");
        Assert.Equal(30, (await sku.Get())!.Level("WH1").Reserved);

        // The reservations belonged to no order: give them back as their orders would, then audit.
        foreach (var (request, result) in requests.Zip(retried).Where(p => p.Second.Reserved))
            await sku.Release(new StockOpRequest(request.OperationId + ":undo", request.OrderId, "WH1", 1));
        var report = await oms.Service<StockAudit>().Run(tenant);
        Assert.True(report.Clean, string.Join("; ", report.Drift));
        Assert.Equal(0, (await sku.Get())!.Level("WH1").Reserved);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Orders_approved_through_failing_stock_writes_end_consistent_and_the_audit_finds_no_drift(StorageProvider provider)
    {
        var oms = await clusters.For(provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 100));
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var id = $"SO-{i}";
            await oms.Grains.Order(tenant, id).Create(TestTenant.Order(("S1", 3)));
            ids.Add(id);
        }

        using var fault = FaultyStorage.Arm(new FaultPlan(StorageNames.Sku, tenant, FaultMode.FailAfterWrite, count: 3));
        var approvals = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return await oms.Grains.Order(tenant, id).Approve("clerk");
            }
            catch (OutcomeUnknownException)
            {
                return await oms.Grains.Order(tenant, id).Approve("clerk");
            }
        }));

        Assert.True(fault is not null);
        Assert.All(approvals, o => Assert.Equal(OrderStatus.Approved, o.Status));
        Assert.Equal(60, (await oms.Grains.Sku(tenant, "S1").Get())!.Level("WH1").Reserved);
        var report = await oms.Service<StockAudit>().Run(tenant);
        Assert.True(report.Clean, string.Join("; ", report.Drift));
        Assert.Equal(20, report.OrdersHoldingStock);
    }
}
