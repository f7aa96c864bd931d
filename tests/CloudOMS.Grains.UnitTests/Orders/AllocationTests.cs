namespace CloudOMS.Grains.UnitTests.Orders;

public sealed class AllocationTests
{
    private static SkuSnapshot Sku(string code, params (string Warehouse, int Available)[] levels) =>
        new(new SkuProfile(code, code, null, "件", 1m, 0m, 0), [.. levels.Select(l => new StockLevelInfo(l.Warehouse, l.Available, 0, 0))], Active: true);

    private static readonly WarehouseRef[] Warehouses = [new("B", 2, true), new("A", 1, true), new("C", 3, false)];

    [Fact]
    public void Chooses_the_highest_priority_warehouse_that_fills_every_line()
    {
        var stock = new Dictionary<string, SkuSnapshot> { ["X"] = Sku("X", ("A", 5), ("B", 5)), ["Y"] = Sku("Y", ("A", 1), ("B", 3)) };
        var plan = Allocation.Choose(new Dictionary<string, int> { ["X"] = 2, ["Y"] = 2 }, Warehouses, stock, []);
        Assert.Equal("B", plan.Warehouse);
        var first = Allocation.Choose(new Dictionary<string, int> { ["X"] = 2, ["Y"] = 1 }, Warehouses, stock, []);
        Assert.Equal("A", first.Warehouse);
    }

    [Fact]
    public void Inactive_and_excluded_warehouses_are_skipped()
    {
        var stock = new Dictionary<string, SkuSnapshot> { ["X"] = Sku("X", ("A", 5), ("B", 5), ("C", 50)) };
        Assert.Equal("B", Allocation.Choose(new Dictionary<string, int> { ["X"] = 2 }, Warehouses, stock, ["A"]).Warehouse);
        Assert.Null(Allocation.Choose(new Dictionary<string, int> { ["X"] = 20 }, Warehouses, stock, []).Warehouse);
    }

    [Fact]
    public void Reports_the_short_lines_of_the_warehouse_that_comes_closest()
    {
        var stock = new Dictionary<string, SkuSnapshot> { ["X"] = Sku("X", ("A", 1), ("B", 9)), ["Y"] = Sku("Y", ("A", 1), ("B", 1)) };
        var plan = Allocation.Choose(new Dictionary<string, int> { ["X"] = 5, ["Y"] = 2 }, Warehouses, stock, []);
        Assert.Null(plan.Warehouse);
        Assert.Equal([new Shortage("Y", 2, 1)], plan.Shortages);
    }
}
