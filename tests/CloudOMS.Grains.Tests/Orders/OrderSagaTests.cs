using CloudOMS.Silo.Audit;
using CloudOMS.Texts;

namespace CloudOMS.Grains.Tests.Orders;

public sealed class OrderSagaTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task The_same_reservation_id_reserves_once(StorageProvider provider)
    {
        await using var oms = await CloudOmsCluster.Start(provider: provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 10));
        var sku = oms.Grains.Sku(tenant, "S1");

        var request = new ReserveRequest("SO-1:r1:1", "SO-1", 4, ["WH1"]);
        var results = await Task.WhenAll(sku.Reserve(request), sku.Reserve(request), sku.Reserve(request));

        Assert.All(results, r => Assert.True(r.Reserved));
        Assert.Equal(4, (await sku.Get())!.Level("WH1").Reserved);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Approving_an_order_twice_at_once_reserves_once_and_answers_both_with_the_approved_order(StorageProvider provider)
    {
        await using var oms = await CloudOmsCluster.Start(provider: provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 10));
        var order = oms.Grains.Order(tenant, "SO-1");
        await order.Create(TestTenant.Order(("S1", 4)));

        var outcomes = await Task.WhenAll(new[] { "a", "b" }.Select(async actor =>
        {
            try
            {
                return (await order.Approve(actor)).Status.ToString();
            }
            catch (CommandException refused)
            {
                return refused.Kind.ToString();
            }
        }));

        // The second is a retry of a transition that happened: it answers with the order, not a conflict (issue 15).
        Assert.Equal(["Approved", "Approved"], outcomes.Order());
        Assert.Equal(4, (await oms.Grains.Sku(tenant, "S1").Get())!.Level("WH1").Reserved);
        Assert.Single((await order.Get())!.Timeline, e => e.Event == "approved");
    }

    [Fact]
    public async Task A_multi_line_order_short_on_one_line_reserves_nothing()
    {
        await using var oms = await CloudOmsCluster.Start();
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1), ("WH2", 2));
        await TestTenant.Sku(oms.Grains, tenant, "A", ("WH1", 10), ("WH2", 10));
        await TestTenant.Sku(oms.Grains, tenant, "B", ("WH1", 1), ("WH2", 2));
        var order = oms.Grains.Order(tenant, "SO-1");
        await order.Create(TestTenant.Order(("A", 5), ("B", 3)));

        var refusal = await Assert.ThrowsAsync<CommandException>(() => order.Approve("clerk"));

        Assert.Equal(FailureKind.Conflict, refusal.Kind);
        // Code and SKUs crossed the Orleans wire from the silo with the exception.
        Assert.Equal(ErrorCodes.InsufficientStock, refusal.Code);
        Assert.Equal(["B"], refusal.Details);
        Assert.Equal(OrderStatus.PendingReview, (await order.Get())!.Status);
        foreach (var code in new[] { "A", "B" })
        {
            var sku = (await oms.Grains.Sku(tenant, code).Get())!;
            Assert.All(sku.Levels, l => Assert.Equal(0, l.Reserved));
        }
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task An_approval_interrupted_by_a_silo_crash_finishes_after_restart_without_reserving_twice(StorageProvider provider)
    {
        await using var oms = await CloudOmsCluster.Start(extraConfigurator: typeof(FaultyStorage.Configurator), provider: provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "A", ("WH1", 10));
        await TestTenant.Sku(oms.Grains, tenant, "B", ("WH1", 10));
        var order = oms.Grains.Order(tenant, "SO-1");
        await order.Create(TestTenant.Order(("A", 2), ("B", 3)));

        // The silo dies after both reservations were saved, while the order saves its outcome
        // (its third write: create, saga step, outcome).
        using (FaultyStorage.Arm(new FaultPlan(StorageNames.Order, GrainKeys.Order(tenant, "SO-1"), FaultMode.Hang, skip: 2)))
        {
            _ = order.Approve("clerk");
            await Eventually.Until(() => oms.Grains.Sku(tenant, "B").Get(), s => s!.Level("WH1").Reserved == 3, what: "reservations made");
            await oms.KillAndRestart();
        }

        var approved = await Eventually.Until(() => oms.Grains.Order(tenant, "SO-1").Get(), o => !o!.SagaPending, what: "saga resumed");
        Assert.Equal(OrderStatus.Approved, approved!.Status);
        Assert.Equal(2, (await oms.Grains.Sku(tenant, "A").Get())!.Level("WH1").Reserved);
        Assert.Equal(3, (await oms.Grains.Sku(tenant, "B").Get())!.Level("WH1").Reserved);
        Assert.True((await oms.Service<StockAudit>().Run(tenant)).Clean);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_reservation_write_lost_in_a_silo_crash_is_made_once_after_restart(StorageProvider provider)
    {
        await using var oms = await CloudOmsCluster.Start(extraConfigurator: typeof(FaultyStorage.Configurator), provider: provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "A", ("WH1", 10));
        var order = oms.Grains.Order(tenant, "SO-1");
        await order.Create(TestTenant.Order(("A", 4)));

        // The SKU applies the reservation in memory but its write never lands.
        var plan = new FaultPlan(StorageNames.Sku, tenant, FaultMode.Hang);
        using (FaultyStorage.Arm(plan))
        {
            _ = order.Approve("clerk");
            await Eventually.Until(() => Task.FromResult(plan.Faulted), n => n == 1, what: "the SKU write to hang");
            await oms.KillAndRestart();
        }

        var approved = await Eventually.Until(() => oms.Grains.Order(tenant, "SO-1").Get(), o => !o!.SagaPending, what: "saga resumed");
        Assert.Equal(OrderStatus.Approved, approved!.Status);
        Assert.Equal(4, (await oms.Grains.Sku(tenant, "A").Get())!.Level("WH1").Reserved);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_compensation_interrupted_by_a_silo_crash_finishes_after_restart(StorageProvider provider)
    {
        await using var oms = await CloudOmsCluster.Start(extraConfigurator: typeof(FaultyStorage.Configurator), provider: provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "A", ("WH1", 10));
        await TestTenant.Sku(oms.Grains, tenant, "B", ("WH1", 10));
        var order = oms.Grains.Order(tenant, "SO-1");
        await order.Create(TestTenant.Order(("A", 2), ("B", 8)));
        await oms.Grains.Order(tenant, "SO-2").Create(TestTenant.Order(("B", 5)));

        // SO-1 plans with B available (10 ≥ 8) but its B write hangs until the rival has taken 5;
        // the hung write never lands, so the silo is killed with SO-1 half reserved.
        var plan = new FaultPlan(StorageNames.Sku, GrainKeys.Sku(tenant, "B"), FaultMode.Hang);
        using (FaultyStorage.Arm(plan))
        {
            _ = order.Approve("clerk");
            await Eventually.Until(() => Task.FromResult(plan.Faulted), n => n == 1, what: "the B write to hang");
            await Eventually.Until(() => oms.Grains.Sku(tenant, "A").Get(), s => s!.Level("WH1").Reserved == 2, what: "A reserved");
            // No periodic sweep after this restart: the rival must take B's stock before SO-1 resumes.
            await oms.KillAndRestart(new Dictionary<string, string?> { ["CloudOms:SagaSweepInterval"] = "01:00:00" });
        }
        await oms.Grains.Order(tenant, "SO-2").Approve("clerk");

        Assert.True(await oms.Grains.Order(tenant, "SO-1").ResumeSaga());
        var settled = await oms.Grains.Order(tenant, "SO-1").Get();
        Assert.Equal(OrderStatus.PendingReview, settled!.Status);
        Assert.Equal(0, (await oms.Grains.Sku(tenant, "A").Get())!.Level("WH1").Reserved);
        Assert.Equal(5, (await oms.Grains.Sku(tenant, "B").Get())!.Level("WH1").Reserved);
        Assert.Contains(settled.Timeline, t => t.Event == "approve-refused");
        Assert.True((await oms.Service<StockAudit>().Run(tenant)).Clean);
    }
}
