namespace CloudOMS.WebPortal.Tests.Inventory;

/// <summary>
/// Stock history lists what orders do to stock (their reservation, its release, the goods leaving when shipped) beside
/// receipts and adjustments, so on hand and reserved always add up from the movements.
/// </summary>
[Collection(StockPortal.Name)]
public sealed class OrderStockMovementTests(PortalFactory portal)
{
    private const string Main = OmsClient.MainWarehouse;
    private readonly OmsClient _api = portal.Api;

    private Task<PageView<StockMovementView>> Movements(string sku, int count) =>
        Eventually.Until(() => _api.Get<PageView<StockMovementView>>($"/api/stock/movements?skuCode={sku}"), p => p.Total == count);

    /// <summary>The SKU's stock row in the read model, once it shows <paramref name="onHand"/> on hand.</summary>
    private async Task<StockRowView> Row(string sku, int onHand) =>
        (await Eventually.Until(() => _api.Get<PageView<StockRowView>>($"/api/stock?skuCode={sku}"), p => p.Items.Any(r => r.OnHand == onHand))).Items.Single();

    [Fact]
    public async Task Received_100_and_shipped_an_order_of_6_lists_the_reservation_and_the_shipment_and_adds_up_to_94_on_hand()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 100);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 6)));
        await _api.Act(order.OrderId, "approve");
        await _api.Act(order.OrderId, "ship", new { carrier = "ZTO", trackingNo = "ZTO20261207" });

        var movements = await Movements(sku, 3);

        Assert.Equal(["Commit", "Reserve", "Receive"], movements.Items.Select(m => m.Kind));
        Assert.Equal([order.OrderId, order.OrderId, null], movements.Items.Select(m => m.OrderId));
        Assert.Equal([6, 6, 100], movements.Items.Select(m => m.Quantity));
        Assert.All(movements.Items, m => Assert.Equal(Main, m.WarehouseCode));
        Assert.Equal("ZTO20261207", movements.Items[0].Reason);
        var shown = await Row(sku, 94);
        Assert.Equal((94, 0), (shown.OnHand, shown.Reserved));
        Assert.Equal(shown.OnHand, movements.Items.Sum(m => m.OnHandChange));
        Assert.Equal(shown.Reserved, movements.Items.Sum(m => m.ReservedChange));
        Assert.Equal(94, (await _api.Level(sku, Main)).OnHand);
    }

    [Fact]
    public async Task An_approved_order_holds_its_reservation_in_the_history_and_its_cancellation_shows_the_release()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 10);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 4)));
        await _api.Act(order.OrderId, "approve");

        var reserved = await Movements(sku, 2);
        Assert.Equal(["Reserve", "Receive"], reserved.Items.Select(m => m.Kind));
        Assert.Equal(4, reserved.Items.Sum(m => m.ReservedChange));
        Assert.Equal(4, (await Eventually.Until(() => Row(sku, 10), r => r.Reserved == 4)).Reserved);

        await _api.Act(order.OrderId, "cancel", new { reason = "客户取消" });
        var released = await Movements(sku, 3);

        Assert.Equal(["Release", "Reserve", "Receive"], released.Items.Select(m => m.Kind));
        Assert.Equal((order.OrderId, 4, "客户取消"), (released.Items[0].OrderId, released.Items[0].Quantity, released.Items[0].Reason));
        var shown = await Eventually.Until(() => Row(sku, 10), r => r.Reserved == 0);
        Assert.Equal(shown.OnHand, released.Items.Sum(m => m.OnHandChange));
        Assert.Equal(shown.Reserved, released.Items.Sum(m => m.ReservedChange));
    }

    [Fact]
    public async Task An_order_refused_for_short_stock_moves_nothing_and_lists_nothing()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 17);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 50)));
        await OmsClient.Problem(await _api.Post($"/api/orders/{order.OrderId}/approve"), HttpStatusCode.Conflict);
        await _api.ReadModelCaughtUp();

        var movements = await _api.Get<PageView<StockMovementView>>($"/api/stock/movements?skuCode={sku}");

        Assert.Equal(["Receive"], movements.Items.Select(m => m.Kind));
    }
}
