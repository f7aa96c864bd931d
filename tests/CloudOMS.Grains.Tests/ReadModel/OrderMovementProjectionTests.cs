using CloudOMS.Silo.Projection;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.Grains.Tests.ReadModel;

/// <summary>
/// Orders' reservations, releases and shipments reach the stock history even when the projection reads the SKU only
/// after the order acknowledged (and the SKU grain forgot) them, and reading everything again adds nothing twice.
/// </summary>
public sealed class OrderMovementProjectionTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Order_movements_projected_late_and_again_add_up_to_the_skus_on_hand_and_reserved(StorageProvider provider)
    {
        await using var oms = await CloudOmsCluster.Start(new Dictionary<string, string?> { ["CloudOms:Projection"] = "false" }, provider: provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 100));
        IOrderGrain Order(string id) => oms.Grains.Order(tenant, id);
        await Order("SO-1").Create(TestTenant.Order(("S1", 6)));
        await Order("SO-1").Approve("clerk");
        await Order("SO-1").Ship("clerk", "SF", "SF1");
        await Order("SO-2").Create(TestTenant.Order(("S1", 4), ("S1", 1)));
        await Order("SO-2").Approve("clerk");
        await Order("SO-2").Cancel("clerk", "客户取消");
        await Order("SO-3").Create(TestTenant.Order(("S1", 3)));
        await Order("SO-3").Approve("clerk");
        await Order("SO-4").Create(TestTenant.Order(("S1", 500)));
        await Assert.ThrowsAsync<CommandException>(() => Order("SO-4").Approve("clerk"));

        await oms.KillAndRestart(new Dictionary<string, string?> { ["CloudOms:Projection"] = "true" });
        await oms.Service<ReadModelProjector>().CatchUp();
        var first = await History(oms, tenant);
        Assert.Equal(
        [
            "Receive  100", "Reserve SO-1 6", "Commit SO-1 6", "Reserve SO-2 4", "Reserve SO-2 1", "Release SO-2 4", "Release SO-2 1", "Reserve SO-3 3",
        ], first.Moves.Select(m => $"{m.Kind} {m.OrderId} {m.Quantity}"));
        Assert.Equal((94, 3), (first.Sku.OnHand, first.Sku.Reserved));
        Assert.Equal((first.Sku.OnHand, first.Sku.Reserved), (first.Moves.Sum(m => m.OnHandChange), first.Moves.Sum(m => m.ReservedChange)));

        // Every stored change applied again from the start (as the migration that added these movements does).
        await using (var db = await oms.Service<IDbContextFactory<ReadModelDbContext>>().CreateDbContextAsync())
            await db.Checkpoints.Where(c => c.Name == ReadModelProjector.CheckpointName).ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, 0));
        await oms.Service<ReadModelProjector>().CatchUp();
        Assert.Equal(first.Moves.Select(m => m.OperationId), (await History(oms, tenant)).Moves.Select(m => m.OperationId));
    }

    private static async Task<(List<StockMovementRow> Moves, SkuRow Sku)> History(CloudOmsCluster oms, string tenant)
    {
        await using var db = await oms.Service<IDbContextFactory<ReadModelDbContext>>().CreateDbContextAsync();
        var moves = await db.StockMovements.IgnoreQueryFilters().Where(m => m.TenantId == tenant && m.SkuCode == "S1").ToListAsync();
        var sku = await db.Skus.IgnoreQueryFilters().SingleAsync(s => s.TenantId == tenant && s.Code == "S1");
        return ([.. moves.OrderBy(m => m.At).ThenBy(m => m.OperationId, StringComparer.Ordinal)], sku);
    }
}
