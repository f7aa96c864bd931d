namespace CloudOMS.WebPortal.Tests.Orders;

[Collection(OrdersPortal.Name)]
public sealed class OrderCancelTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task Cancelling_an_approved_order_releases_its_reserved_stock()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 10);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 4)));
        await _api.Act(order.OrderId, "approve");
        Assert.Equal(new StockLevelView(OmsClient.MainWarehouse, 10, 4, 6, 0), await _api.Level(sku, OmsClient.MainWarehouse));

        var cancelled = await _api.Act(order.OrderId, "cancel", new { reason = "客户取消" });

        Assert.Equal("Cancelled", cancelled.Status);
        Assert.Equal("None", cancelled.StockHold);
        Assert.Equal("客户取消", cancelled.Timeline[^1].Detail);
        Assert.Equal(new StockLevelView(OmsClient.MainWarehouse, 10, 0, 10, 0), await _api.Level(sku, OmsClient.MainWarehouse));
    }

    [Fact]
    public async Task Cancelling_a_picking_order_releases_its_stock_too()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.JinanWarehouse, 3);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 3)));
        await _api.Act(order.OrderId, "approve");
        await _api.Act(order.OrderId, "pick");

        await _api.Act(order.OrderId, "cancel", new { reason = "缺货" });

        Assert.Equal(new StockLevelView(OmsClient.JinanWarehouse, 3, 0, 3, 0), await _api.Level(sku, OmsClient.JinanWarehouse));
    }

    [Fact]
    public async Task Cancelling_twice_answers_200_with_the_cancelled_order_and_releases_nothing_more()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 5);
        var first = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 2)));
        var second = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 2)));
        await _api.Act(first.OrderId, "approve");
        await _api.Act(second.OrderId, "approve");
        await _api.Act(first.OrderId, "cancel", new { reason = "重复下单" });

        var again = await _api.Post($"/api/orders/{first.OrderId}/cancel", new { reason = "再次取消" });

        // A repeat of a transition that happened is answered with the order, not a conflict (issue 15).
        var cancelled = await OmsClient.Read<OrderView>(again, HttpStatusCode.OK);
        Assert.Equal(("Cancelled", "None"), (cancelled.Status, cancelled.StockHold));
        Assert.Equal(new StockLevelView(OmsClient.MainWarehouse, 5, 2, 3, 0), await _api.Level(sku, OmsClient.MainWarehouse));
    }

    [Fact]
    public async Task Cancelling_a_shipped_order_is_a_conflict()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 2);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 2)));
        await _api.Act(order.OrderId, "approve");
        await _api.Act(order.OrderId, "ship", new { carrier = "ZTO", trackingNo = Unique.TrackingNo() });

        var response = await _api.Post($"/api/orders/{order.OrderId}/cancel", new { reason = "太晚了" });

        await OmsClient.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal("Shipped", (await _api.Order(order.OrderId)).Status);
    }
}
