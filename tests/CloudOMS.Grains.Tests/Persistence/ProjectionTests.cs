using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Grains.Tests.Persistence;

[Collection(SharedClusterCollection.Name)]
public sealed class ProjectionTests(SharedClusters clusters)
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task The_read_model_follows_grain_writes(StorageProvider provider)
    {
        var oms = await clusters.For(provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 10));
        await oms.Grains.Order(tenant, "SO-1").Create(TestTenant.Order(("S1", 2)));
        await oms.Grains.Order(tenant, "SO-1").Approve("clerk");

        var row = await Eventually.Until(() => Order(oms, tenant, "SO-1"), o => o?.Status == "Approved", what: "approved order in read model");
        Assert.Equal("WH1", row!.Warehouse);
        Assert.Equal("Reserved", row.Hold);
        var line = Assert.Single(row.Lines);
        Assert.Equal(2, line.Quantity);
        // Lines carry the order's day, status and warehouse, which the dashboard counts by.
        Assert.Equal((row.CreatedOn, "Approved", "WH1"), (line.CreatedOn, line.Status, line.Warehouse));
        Assert.Equal(DateOnly.FromDateTime(row.CreatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime), row.CreatedOn);
        Assert.Null(row.ProcessingMinutes);
        var stock = await Eventually.Until(() => Stock(oms, tenant, "S1"), s => s?.Reserved == 2, what: "stock row");
        Assert.Equal(8, stock!.Available);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task The_read_model_catches_up_after_a_crash_between_grain_write_and_projection(StorageProvider provider)
    {
        // The first silo saves grain state but never projects it, then dies.
        await using var oms = await CloudOmsCluster.Start(new Dictionary<string, string?> { ["CloudOms:Projection"] = "false" }, provider: provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 20));
        for (var i = 0; i < 30; i++)
        {
            await oms.Grains.Order(tenant, $"SO-{i}").Create(TestTenant.Order(("S1", 1)));
            if (i % 2 == 0) await oms.Grains.Order(tenant, $"SO-{i}").Approve("clerk");
        }
        Assert.Null(await Order(oms, tenant, "SO-0"));

        await oms.KillAndRestart(new Dictionary<string, string?> { ["CloudOms:Projection"] = "true" });

        await Eventually.Until(() => Count(oms, tenant), n => n == 30, what: "all orders projected");
        var approved = await Count(oms, tenant, "Approved");
        Assert.Equal(15, approved);
        var stock = await Eventually.Until(() => Stock(oms, tenant, "S1"), s => s is not null, what: "stock row");
        Assert.Equal(15, stock!.Reserved);
    }

    private static async Task<OrderRow?> Order(CloudOmsCluster oms, string tenant, string id)
    {
        await using var db = await Db(oms, tenant);
        return await db.Orders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.OrderId == id);
    }

    private static async Task<StockRow?> Stock(CloudOmsCluster oms, string tenant, string sku)
    {
        await using var db = await Db(oms, tenant);
        return await db.Stock.FirstOrDefaultAsync(s => s.SkuCode == sku);
    }

    private static async Task<int> Count(CloudOmsCluster oms, string tenant, string? status = null)
    {
        await using var db = await Db(oms, tenant);
        return await db.Orders.CountAsync(o => status == null || o.Status == status);
    }

    private static async Task<ReadModelDbContext> Db(CloudOmsCluster oms, string tenant)
    {
        var db = await oms.Service<IDbContextFactory<ReadModelDbContext>>().CreateDbContextAsync();
        db.TenantId = tenant;
        return db;
    }
}
