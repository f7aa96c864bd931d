namespace CloudOMS.Grains.Tests.Infrastructure;

/// <summary>Creates a tenant with warehouses and SKUs through the grains, as the API would.</summary>
public static class TestTenant
{
    public static async Task<string> Create(IGrainFactory grains, params (string Code, int Priority)[] warehouses)
    {
        var tenantId = "tt" + Guid.NewGuid().ToString("N")[..10];
        await grains.Tenant(tenantId).Create(new TenantProfile(tenantId, "测试商贸", "trial", DateTimeOffset.UtcNow));
        foreach (var (code, priority) in warehouses)
            await grains.Warehouse(tenantId, code).Create(new WarehouseDraft($"{code} 仓", "山东省", "临沂市", "兰山区", priority));
        return tenantId;
    }

    public static async Task Sku(IGrainFactory grains, string tenantId, string code, params (string Warehouse, int OnHand)[] stock)
    {
        await grains.Sku(tenantId, code).Define(new SkuProfile(code, $"商品 {code}", null, "件", 10m, 0.5m, 0), isNew: true);
        foreach (var (warehouse, onHand) in stock.Where(s => s.OnHand > 0))
            await grains.Sku(tenantId, code).Move(new StockMove(Guid.NewGuid().ToString("N"), StockMoveKind.Receive, warehouse, onHand, null, "期初", "test"));
    }

    public static NewOrder Order(params (string Sku, int Quantity)[] lines) =>
        new("manual", null, new OrderCustomer { Name = "张三", Phone = "13800000000", Province = "山东省", City = "临沂市", Address = "兰山区人民路 1 号" },
            [.. lines.Select(l => new NewOrderLine(l.Sku, l.Quantity, 10m, 0m))], 0m, null, false, "test");
}
