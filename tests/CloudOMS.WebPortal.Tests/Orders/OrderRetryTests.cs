namespace CloudOMS.WebPortal.Tests.Orders;

/// <summary>
/// Retries are safe: an action sent again after a lost answer or a 503 finds the order already where the action
/// leads and answers 200 with it, changing nothing (issue 15). Only a repeat of the same thing counts: shipping a
/// shipped order with another tracking number stays a 409.
/// </summary>
[Collection(OrdersPortal.Name)]
public sealed class OrderRetryTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    private async Task<(OrderView Order, string Sku)> Stocked(int quantity = 2)
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 10);
        return (await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, quantity))), sku);
    }

    [Fact]
    public async Task Approving_an_approved_order_again_answers_200_with_the_order_and_reserves_once()
    {
        var (order, sku) = await Stocked(3);
        var approved = await _api.Act(order.OrderId, "approve");

        var again = await _api.Act(order.OrderId, "approve");

        Assert.Equal(("Approved", "Reserved", approved.Warehouse), (again.Status, again.StockHold, again.Warehouse));
        Assert.Equal(approved.Timeline.Count, again.Timeline.Count);
        Assert.Equal(3, (await _api.Level(sku, OmsClient.MainWarehouse)).Reserved);
    }

    [Theory]
    [InlineData("submit", "PendingReview")]
    [InlineData("hold", "OnHold")]
    [InlineData("cancel", "Cancelled")]
    [InlineData("pick", "Picking")]
    [InlineData("deliver", "Delivered")]
    [InlineData("complete", "Completed")]
    public async Task Repeating_an_action_answers_200_with_the_order_and_changes_nothing(string action, string status)
    {
        var (order, sku) = await Stocked();
        if (action is "pick" or "deliver" or "complete") await _api.Act(order.OrderId, "approve");
        if (action is "deliver" or "complete") await _api.Act(order.OrderId, "ship", new { carrier = "SF", trackingNo = Unique.TrackingNo() });
        if (action is "complete") await _api.Act(order.OrderId, "deliver");
        var body = action is "hold" or "cancel" ? new { reason = "客户要求" } : null;
        var first = action == "submit" ? await _api.Order(order.OrderId) : await _api.Act(order.OrderId, action, body);
        Assert.Equal(status, first.Status);
        var levelBefore = await _api.Level(sku, OmsClient.MainWarehouse);

        var again = await _api.Act(order.OrderId, action, body);

        Assert.Equal(status, again.Status);
        Assert.Equal(first.Timeline.Select(e => e.Event), again.Timeline.Select(e => e.Event));
        Assert.Equal(levelBefore, await _api.Level(sku, OmsClient.MainWarehouse));
    }

    [Fact]
    public async Task Cancelling_a_cancelled_order_that_held_stock_again_answers_200_and_releases_once()
    {
        var (order, sku) = await Stocked(4);
        await _api.Act(order.OrderId, "approve");
        await _api.Act(order.OrderId, "cancel", new { reason = "客户取消" });

        var again = await _api.Act(order.OrderId, "cancel", new { reason = "客户取消" });

        Assert.Equal(("Cancelled", "None"), (again.Status, again.StockHold));
        Assert.Equal(new StockLevelView(OmsClient.MainWarehouse, 10, 0, 10, 0), await _api.Level(sku, OmsClient.MainWarehouse));
    }

    [Fact]
    public async Task Shipping_again_with_the_same_tracking_number_answers_200_and_ships_once()
    {
        var (order, sku) = await Stocked(2);
        await _api.Act(order.OrderId, "approve");
        var tracking = Unique.TrackingNo();
        var shipped = await _api.Act(order.OrderId, "ship", new { carrier = "SF", trackingNo = tracking });

        var again = await _api.Act(order.OrderId, "ship", new { carrier = "SF", trackingNo = tracking });

        Assert.Equal(("Shipped", "SF", tracking), (again.Status, again.Shipment!.Carrier, again.Shipment.TrackingNo));
        Assert.Equal(shipped.Shipment!.ShippedAt, again.Shipment.ShippedAt);
        Assert.Equal(shipped.Timeline.Count, again.Timeline.Count);
        Assert.Equal(new StockLevelView(OmsClient.MainWarehouse, 8, 0, 8, 0), await _api.Level(sku, OmsClient.MainWarehouse));
    }

    [Fact]
    public async Task Shipping_a_shipped_order_with_another_tracking_number_is_a_409_invalid_transition()
    {
        var (order, _) = await Stocked();
        await _api.Act(order.OrderId, "approve");
        var tracking = Unique.TrackingNo();
        await _api.Act(order.OrderId, "ship", new { carrier = "SF", trackingNo = tracking });

        var response = await _api.Post($"/api/orders/{order.OrderId}/ship", new { carrier = "SF", trackingNo = Unique.TrackingNo() });

        var problem = await OmsClient.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal("invalid_transition", problem.Code);
        Assert.Contains(tracking, problem.Detail);
        Assert.Equal(tracking, (await _api.Order(order.OrderId)).Shipment!.TrackingNo);
    }
}
