using CloudOMS.Silo.Projection;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.Grains.Tests.ReadModel;

/// <summary>Orders moving through their statuses in real grains: the projection keeps the dashboard totals equal to a recount.</summary>
public sealed class TotalsProjectionTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Totals_follow_orders_through_their_statuses_when_projected_late_and_projected_again(StorageProvider provider)
    {
        // The first silo stores the orders' changes but does not project them: the projection then sees each
        // order only in its latest state, skipping the ones between.
        await using var oms = await CloudOmsCluster.Start(new Dictionary<string, string?> { ["CloudOms:Projection"] = "false" }, provider: provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1), ("WH2", 2));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 50));
        await TestTenant.Sku(oms.Grains, tenant, "S2", ("WH2", 50));
        // Grain references are taken afresh after the restart, which replaces the cluster's client.
        IOrderGrain Order(string id) => oms.Grains.Order(tenant, id);
        await Create(Order("SO-1"), "13900000001", ("S1", 2));
        await Create(Order("SO-2"), "13900000001", ("S1", 1));
        await Create(Order("SO-3"), "13900000002", ("S2", 3));
        await Create(Order("SO-4"), "13900000002", ("S1", 1));
        await Create(Order("SO-5"), "13900000003", ("S2", 1));
        await Order("SO-1").Approve("clerk");
        await Order("SO-1").StartPicking("clerk");
        await Order("SO-1").Ship("clerk", "SF", "SF1");
        await Order("SO-1").MarkDelivered("clerk");
        await Order("SO-2").Approve("clerk");
        await Order("SO-2").Cancel("clerk", "客户取消");
        await Order("SO-3").Approve("clerk");

        await oms.KillAndRestart(new Dictionary<string, string?> { ["CloudOms:Projection"] = "true" });
        await CatchUpAndRecount(oms, tenant, expectedOrders: 5);

        // Now each change is projected as it comes: totals move from each order's previous row to its new one.
        await Order("SO-1").Complete("clerk");
        await Order("SO-3").StartPicking("clerk");
        await Order("SO-3").Ship("clerk", "SF", "SF3");
        await Order("SO-4").Approve("clerk");
        await Order("SO-4").Cancel("clerk", "缺货");
        await CatchUpAndRecount(oms, tenant, expectedOrders: 5);

        // Every stored change applied again from the start (as after a lost checkpoint): nothing moves.
        await using var db = await oms.Service<IDbContextFactory<ReadModelDbContext>>().CreateDbContextAsync();
        var before = await TotalsRecount.Snapshot(db);
        var checkpoint = db.Checkpoints.Where(c => c.Name == ReadModelProjector.CheckpointName);
        var head = await checkpoint.Select(c => c.Position).SingleAsync();
        await checkpoint.ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, 0));
        // The projector's own loop may get there first; either way, once CatchUp returns every change has been
        // applied again: the checkpoint is back at (or, after a background write of the silo, past) its old head.
        await oms.Service<ReadModelProjector>().CatchUp();
        Assert.True(head > 0);
        var position = await checkpoint.Select(c => c.Position).SingleAsync();
        Assert.True(position >= head, $"checkpoint at {position} after catching up from 0, was at {head}");
        Assert.Equal(before, await TotalsRecount.Snapshot(db));
        await TotalsRecount.AssertMatchesRows(db);
    }

    private static Task Create(IOrderGrain order, string phone, params (string Sku, int Quantity)[] lines) =>
        order.Create(TestTenant.Order(lines) with { Customer = new OrderCustomer { Name = "客户", Phone = phone, Province = "山东省", City = "临沂市", Address = "兰山区" } });

    private static async Task CatchUpAndRecount(CloudOmsCluster oms, string tenant, int expectedOrders)
    {
        await oms.Service<ReadModelProjector>().CatchUp();
        await using var db = await oms.Service<IDbContextFactory<ReadModelDbContext>>().CreateDbContextAsync();
        Assert.Equal(expectedOrders, await db.Orders.IgnoreQueryFilters().CountAsync(o => o.TenantId == tenant));
        await TotalsRecount.AssertMatchesRows(db);
        Assert.Equal(expectedOrders, await db.OrderDayTotals.IgnoreQueryFilters().Where(t => t.TenantId == tenant).SumAsync(t => t.Orders));
    }
}
