using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Reports;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Tests.Dashboard;

/// <summary>The dashboard's figures, counted by the database, checked against a small tenant worked out by hand.</summary>
public sealed class DashboardQueryTests : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, China);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dashboard-{Guid.NewGuid():N}.db");

    private ReadModelDbContext Db(string tenant = "t1") =>
        new(new DbContextOptionsBuilder<ReadModelDbContext>().UseSqlite($"Data Source={_path};Pooling=false").Options) { TenantId = tenant };

    public async Task InitializeAsync()
    {
        await using var db = Db();
        await db.Database.EnsureCreatedAsync();
        // Today: a sale shipped after 2 h and a cancelled order; yesterday: a sale by the same phone shipped after 30 h
        // and an order awaiting review (not a sale) from another phone; 10 days ago: outside a 7-day window; another tenant's order never counts.
        db.Orders.AddRange(
            Order("t1", "A", "Shipped", "taobao", "13900000001", 100m, Now.AddHours(-3), Now.AddHours(-1), ("S1", 2), ("S2", 1)),
            Order("t1", "B", "Delivered", "jd", "13900000001", 50m, Now.AddHours(-31), Now.AddHours(-1), ("S1", 1)),
            Order("t1", "C", "Cancelled", "taobao", "13900000002", 999m, Now.AddHours(-2), null, ("S3", 9)),
            Order("t1", "D", "PendingReview", "jd", "13900000003", 30m, Now.AddDays(-1), null, ("S2", 3)),
            Order("t1", "E", "Completed", "jd", "13900000004", 70m, Now.AddDays(-10), Now.AddDays(-10).AddHours(1), ("S1", 5)),
            Order("t2", "F", "Shipped", "jd", "13900000001", 5000m, Now.AddHours(-1), Now, ("S1", 50)));
        db.Stock.AddRange(
            new StockRow { TenantId = "t1", SkuCode = "S1", WarehouseCode = "W1", OnHand = 12, Reserved = 0, Available = 12, SafetyStock = 2 },
            new StockRow { TenantId = "t1", SkuCode = "S4", WarehouseCode = "W1", OnHand = 8, Reserved = 0, Available = 8, SafetyStock = 10 });
        db.Skus.AddRange(new SkuRow { TenantId = "t1", Code = "S1", Name = "S1 name" }, new SkuRow { TenantId = "t1", Code = "S2", Name = "S2 name" },
            new SkuRow { TenantId = "t1", Code = "S4", Name = "滞销品" });
        db.Warehouses.Add(new WarehouseRow { TenantId = "t1", Code = "W1", Name = "临沂总仓" });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        File.Delete(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Seven_days_count_sales_customers_processing_time_and_top_skus()
    {
        await using var db = Db();
        var data = await DashboardQueries.Load(db, 7, Now, scope: null);

        // Sales: A 100 + B 50 (C is cancelled, D awaits review, E is older, F is another tenant's).
        Assert.Equal(150m, data.Kpis.Sales);
        Assert.Equal(2, data.Kpis.Orders);
        Assert.Equal(75m, data.Kpis.AverageOrder);
        Assert.Equal((1, 30m), (data.Kpis.Pending, data.Kpis.PendingAmount)); // D, apart from sales
        Assert.Equal(100.0, data.Kpis.Fulfilment); // A and B fulfilled out of the two sales
        Assert.Equal(100.0, data.Kpis.Repeat);     // the one buying customer bought twice
        Assert.Equal(16.0, data.Kpis.ProcessingHours); // (2 h + 30 h) / 2
        Assert.Equal(50.0, data.Kpis.OnTime);      // A within 24 h, B not
        Assert.Equal(0.2, data.Kpis.Turnover);     // 4 units sold / 20 on hand

        Assert.Equal(7, data.DailySales.Count);
        Assert.Equal(100m, data.DailySales[^1].Value);
        Assert.Equal(50m, data.DailySales[^2].Value);
        Assert.Equal([new ChartPoint("jd", 50m), new ChartPoint("taobao", 100m)], data.Channels.OrderBy(c => c.Label));
        Assert.Equal([new ChartPoint("S1 name", 3m), new ChartPoint("S2 name", 1m)], data.TopSkus);
        Assert.Equal([new ChartPoint("滞销品", 8m)], data.SlowSkus);
        Assert.Equal(4, data.ByStatus.Sum(s => (int)s.Value)); // the cancelled order shows in the status chart
        Assert.Equal([("S4", "滞销品", "W1", "临沂总仓")], data.LowStock.Select(s => (s.SkuCode, s.SkuName, s.WarehouseCode, s.WarehouseName)));
    }

    [Fact]
    public async Task Today_and_warehouse_scope_narrow_the_figures()
    {
        await using var db = Db();
        var today = await DashboardQueries.Load(db, 1, Now, scope: null);
        Assert.Equal(100m, today.Kpis.Sales);
        Assert.Equal(1, today.Kpis.Orders);

        var elsewhere = await DashboardQueries.Load(db, 7, Now, scope: new HashSet<string> { "W9" });
        Assert.Equal(0m, elsewhere.Kpis.Sales);
        Assert.Empty(elsewhere.LowStock);
    }

    [Fact]
    public async Task A_held_order_is_a_sale_when_it_was_approved_before_the_hold_and_not_when_it_was_held_in_review()
    {
        await using (var db = Db())
        {
            // G was approved (its stock reserved, its warehouse given), then held; H was held while awaiting review.
            var unapproved = Order("t1", "H", "OnHold", "jd", "13900000006", 60m, Now.AddHours(-1), null, ("S2", 6));
            unapproved.Warehouse = null;
            unapproved.StampLines();
            db.Orders.AddRange(Order("t1", "G", "OnHold", "jd", "13900000005", 40m, Now.AddHours(-1), null, ("S4", 5)), unapproved);
            await db.SaveChangesAsync();
        }
        await using var read = Db();
        var data = await DashboardQueries.Load(read, 7, Now, scope: null);

        Assert.Equal((190m, 3L), (data.Kpis.Sales, data.Kpis.Orders)); // A, B and G
        Assert.Equal([new ChartPoint("滞销品", 5m), new ChartPoint("S1 name", 3m), new ChartPoint("S2 name", 1m)], data.TopSkus);
        Assert.Equal((1, 30m), (data.Kpis.Pending, data.Kpis.PendingAmount)); // D; H is on hold, not awaiting review
    }

    private static OrderRow Order(string tenant, string id, string status, string channel, string phone, decimal total,
        DateTimeOffset created, DateTimeOffset? shipped, params (string Sku, int Quantity)[] lines)
    {
        var row = new OrderRow
        {
            TenantId = tenant, OrderId = id, Status = status, Channel = channel, Phone = phone, Total = total, Warehouse = "W1",
            Lines = [.. lines.Select((l, i) => new OrderLineRow { TenantId = tenant, OrderId = id, LineNo = i + 1, SkuCode = l.Sku, SkuName = l.Sku + " name", Quantity = l.Quantity })],
        };
        row.SetTimes(created, shipped);
        row.StampLines();
        return row;
    }
}
