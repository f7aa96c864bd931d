namespace CloudOMS.WebPortal.Tests.Inventory;

[Collection(StockPortal.Name)]
public sealed class StockMovementTests(PortalFactory portal)
{
    private const string Main = OmsClient.MainWarehouse;
    private const string Jinan = OmsClient.JinanWarehouse;
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task Receive_adjust_and_transfer_change_stock_and_are_listed_as_movements_newest_first()
    {
        var sku = await _api.CreateSku();

        var received = await _api.Receive(sku, Main, 10);
        Assert.Equal(10, received.Levels.Single(l => l.Warehouse == Main).OnHand);
        await _api.Post<SkuView>("/api/stock/adjust", new StockMoveBody(sku, Main, -2, "破损报废"));
        await _api.Post<SkuView>("/api/stock/transfer", new StockMoveBody(sku, Main, 3, "补济南仓", ToWarehouse: Jinan));

        Assert.Equal(new StockLevelView(Main, 5, 0, 5, 0), await _api.Level(sku, Main));
        Assert.Equal(new StockLevelView(Jinan, 3, 0, 3, 0), await _api.Level(sku, Jinan));
        var movements = await Eventually.Until(() => _api.Get<PageView<StockMovementView>>($"/api/stock/movements?skuCode={sku}"), p => p.Total == 3);
        Assert.Equal(["TransferOut", "Adjust", "Receive"], movements.Items.Select(m => m.Kind));
        Assert.Equal([3, -2, 10], movements.Items.Select(m => m.Quantity));
        Assert.Equal((Main, Jinan, "补济南仓"), (movements.Items[0].WarehouseCode, movements.Items[0].ToWarehouseCode, movements.Items[0].Reason));
        Assert.Equal("破损报废", movements.Items[1].Reason);
        Assert.All(movements.Items, m => Assert.Equal(PortalFactory.DemoApiActor, m.Actor));
    }

    [Fact]
    public async Task Stock_list_shows_on_hand_reserved_and_available_per_warehouse()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 8);
        await _api.Receive(sku, Jinan, 4);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 3)));
        await _api.Act(order.OrderId, "approve");

        var rows = await Eventually.Until(() => _api.Get<PageView<StockRowView>>($"/api/stock?skuCode={sku}"),
            p => p.Items.Any(r => r.Reserved == 3));

        Assert.Equal([new StockRowView(sku, Jinan, 4, 0, 4, 0), new StockRowView(sku, Main, 8, 3, 5, 0)], rows.Items);
    }

    [Fact]
    public async Task Low_stock_lists_a_sku_at_or_below_its_safety_stock_and_not_one_above_it()
    {
        var atLimit = await _api.CreateSku(safetyStock: 10);
        var below = await _api.CreateSku(safetyStock: 10);
        var above = await _api.CreateSku(safetyStock: 10);
        await _api.Receive(atLimit, Main, 10);
        await _api.Receive(below, Main, 4);
        await _api.Receive(above, Main, 11);
        await _api.ReadModelCaughtUp();

        var low = await _api.Get<List<StockRowView>>($"/api/stock/low?warehouse={Main}");

        Assert.Contains(new StockRowView(atLimit, Main, 10, 0, 10, 10), low);
        Assert.Contains(new StockRowView(below, Main, 4, 0, 4, 10), low);
        Assert.DoesNotContain(low, r => r.SkuCode == above);
        Assert.All(low, r => Assert.True(r.Available <= r.SafetyStock));
    }

    [Fact]
    public async Task Reserving_stock_can_bring_a_sku_onto_the_low_stock_list()
    {
        var sku = await _api.CreateSku(safetyStock: 5);
        await _api.Receive(sku, Jinan, 8);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 3)));
        await _api.Act(order.OrderId, "approve");

        var low = await Eventually.Until(() => _api.Get<List<StockRowView>>($"/api/stock/low?warehouse={Jinan}"), l => l.Any(r => r.SkuCode == sku));

        Assert.Equal(new StockRowView(sku, Jinan, 8, 3, 5, 5), low.Single(r => r.SkuCode == sku));
    }

    [Fact]
    public async Task Safety_stock_can_be_set_per_warehouse()
    {
        var sku = await _api.CreateSku(safetyStock: 0);
        await _api.Receive(sku, Jinan, 6);

        var snapshot = await _api.Post<SkuView>("/api/stock/safety", new StockMoveBody(sku, Jinan, 6));

        Assert.Equal(6, snapshot.Levels.Single(l => l.Warehouse == Jinan).SafetyStock);
        await Eventually.Until(() => _api.Get<List<StockRowView>>($"/api/stock/low?warehouse={Jinan}"), l => l.Any(r => r.SkuCode == sku));
    }

    [Fact]
    public async Task Receiving_again_with_the_same_idempotency_key_is_applied_once()
    {
        var sku = await _api.CreateSku();
        var key = Guid.NewGuid().ToString("N");

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/stock/receive") { Content = JsonContent.Create(new StockMoveBody(sku, Main, 7), options: OmsClient.Json) };
            request.Headers.Add("Idempotency-Key", key);
            Assert.Equal(HttpStatusCode.OK, (await _api.Http.SendAsync(request)).StatusCode);
        }

        Assert.Equal(7, (await _api.Level(sku, Main)).OnHand);
    }
}
