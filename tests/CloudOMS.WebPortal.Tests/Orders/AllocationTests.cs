namespace CloudOMS.WebPortal.Tests.Orders;

/// <summary>The demo tenant has LY-MAIN (priority 1) and JN-01 (priority 2); each test stocks its own SKUs.</summary>
[Collection(OrdersPortal.Name)]
public sealed class AllocationTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task Approve_reserves_stock_in_the_highest_priority_warehouse_that_has_it_all()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 5);
        await _api.Receive(sku, OmsClient.JinanWarehouse, 5);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 4)));

        var approved = await _api.Act(order.OrderId, "approve");

        Assert.Equal(OmsClient.MainWarehouse, approved.Warehouse);
        Assert.Equal(4, (await _api.Level(sku, OmsClient.MainWarehouse)).Reserved);
        Assert.Equal(0, (await _api.Level(sku, OmsClient.JinanWarehouse)).Reserved);
    }

    [Fact]
    public async Task Approve_falls_back_to_a_lower_priority_warehouse_when_only_it_has_enough()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 2);
        await _api.Receive(sku, OmsClient.JinanWarehouse, 6);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 5)));

        var approved = await _api.Act(order.OrderId, "approve");

        Assert.Equal(OmsClient.JinanWarehouse, approved.Warehouse);
        Assert.Equal(new StockLevelView(OmsClient.JinanWarehouse, 6, 5, 1, 0), await _api.Level(sku, OmsClient.JinanWarehouse));
        Assert.Equal(new StockLevelView(OmsClient.MainWarehouse, 2, 0, 2, 0), await _api.Level(sku, OmsClient.MainWarehouse));
    }

    [Fact]
    public async Task Approve_keeps_a_multi_line_order_in_one_warehouse_that_can_fill_every_line()
    {
        var rice = await _api.CreateSku();
        var oil = await _api.CreateSku();
        await _api.Receive(rice, OmsClient.MainWarehouse, 10);
        await _api.Receive(rice, OmsClient.JinanWarehouse, 10);
        await _api.Receive(oil, OmsClient.JinanWarehouse, 10);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(rice, 3), NewOrder.Line(oil, 3)));

        var approved = await _api.Act(order.OrderId, "approve");

        Assert.Equal(OmsClient.JinanWarehouse, approved.Warehouse);
        Assert.Equal(0, (await _api.Level(rice, OmsClient.MainWarehouse)).Reserved);
        Assert.Equal(3, (await _api.Level(rice, OmsClient.JinanWarehouse)).Reserved);
    }

    [Fact]
    public async Task Approve_skips_a_deactivated_warehouse()
    {
        var closed = await _api.CreateWarehouse(priority: 1);
        var sku = await _api.CreateSku();
        await _api.Receive(sku, closed, 10);
        await _api.Receive(sku, OmsClient.JinanWarehouse, 10);
        await _api.Post<WarehouseView>($"/api/warehouses/{closed}/deactivate", null);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)));

        var approved = await _api.Act(order.OrderId, "approve");

        Assert.Equal(OmsClient.JinanWarehouse, approved.Warehouse);
        Assert.Equal(0, (await _api.Level(sku, closed)).Reserved);
    }

    [Fact]
    public async Task Approve_short_on_one_line_answers_409_naming_that_sku_and_reserves_nothing()
    {
        var plenty = await _api.CreateSku();
        var scarce = await _api.CreateSku();
        await _api.Receive(plenty, OmsClient.MainWarehouse, 50);
        await _api.Receive(plenty, OmsClient.JinanWarehouse, 50);
        await _api.Receive(scarce, OmsClient.MainWarehouse, 1);
        await _api.Receive(scarce, OmsClient.JinanWarehouse, 1);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(plenty, 5), NewOrder.Line(scarce, 2)));

        var response = await _api.Post($"/api/orders/{order.OrderId}/approve");

        var problem = await OmsClient.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal("insufficient_stock", problem.Code);
        Assert.Equal([scarce], problem.Skus);
        Assert.Contains(scarce, problem.Detail);
        Assert.DoesNotContain(plenty, problem.Detail);
        var after = await _api.Order(order.OrderId);
        Assert.Equal("PendingReview", after.Status);
        Assert.Equal("None", after.StockHold);
        Assert.Null(after.Warehouse);
        Assert.Equal("approve-refused", after.Timeline[^1].Event);
        foreach (var sku in new[] { plenty, scarce })
            foreach (var warehouse in new[] { OmsClient.MainWarehouse, OmsClient.JinanWarehouse })
                Assert.Equal(0, (await _api.Level(sku, warehouse)).Reserved);
    }

    [Fact]
    public async Task Two_orders_approved_at_once_for_the_last_units_get_them_once()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 5);
        var first = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 3)));
        var second = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 3)));

        var answers = await Task.WhenAll(_api.Post($"/api/orders/{first.OrderId}/approve"), _api.Post($"/api/orders/{second.OrderId}/approve"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(new StockLevelView(OmsClient.MainWarehouse, 5, 3, 2, 0), await _api.Level(sku, OmsClient.MainWarehouse));
        var statuses = new[] { (await _api.Order(first.OrderId)).Status, (await _api.Order(second.OrderId)).Status };
        Assert.Equal(["Approved", "PendingReview"], statuses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Approve_succeeds_once_the_short_stock_arrives()
    {
        var sku = await _api.CreateSku();
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 3)));
        await OmsClient.Problem(await _api.Post($"/api/orders/{order.OrderId}/approve"), HttpStatusCode.Conflict);

        await _api.Receive(sku, OmsClient.JinanWarehouse, 3);
        var approved = await _api.Act(order.OrderId, "approve");

        Assert.Equal(OmsClient.JinanWarehouse, approved.Warehouse);
        Assert.Equal(new StockLevelView(OmsClient.JinanWarehouse, 3, 3, 0, 0), await _api.Level(sku, OmsClient.JinanWarehouse));
    }
}
