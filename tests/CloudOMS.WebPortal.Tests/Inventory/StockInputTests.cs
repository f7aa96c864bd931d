namespace CloudOMS.WebPortal.Tests.Inventory;

/// <summary>Refused stock movements: 400 for bad input, 409 when stock does not allow it; stock is left as it was.</summary>
[Collection(StockPortal.Name)]
public sealed class StockInputTests(PortalFactory portal)
{
    private const string Main = OmsClient.MainWarehouse;
    private const string Jinan = OmsClient.JinanWarehouse;
    private readonly OmsClient _api = portal.Api;

    [Theory]
    [InlineData("receive", 0, "quantity")]
    [InlineData("receive", -5, "quantity")]
    [InlineData("transfer", 0, "quantity")]
    [InlineData("adjust", 0, "quantity")]
    [InlineData("safety", -1, "quantity")]
    public async Task A_zero_or_negative_quantity_is_a_400(string kind, int quantity, string field)
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 5);

        var response = await _api.Post($"/api/stock/{kind}", new StockMoveBody(sku, Main, quantity, "原因", ToWarehouse: Jinan));

        await OmsClient.FieldError(response, field);
        Assert.Equal(new StockLevelView(Main, 5, 0, 5, 0), await _api.Level(sku, Main));
    }

    [Fact]
    public async Task Receiving_into_an_unknown_warehouse_is_a_400()
    {
        var sku = await _api.CreateSku();

        await OmsClient.FieldError(await _api.Post("/api/stock/receive", new StockMoveBody(sku, "NO-SUCH-WH", 5)), "warehouse");

        Assert.Empty((await _api.Get<SkuView>($"/api/skus/{sku}")).Levels);
    }

    [Fact]
    public async Task Receiving_an_unknown_sku_is_a_400()
    {
        await OmsClient.FieldError(await _api.Post("/api/stock/receive", new StockMoveBody(Unique.Code("NOPE"), Main, 5)), "skuCode");
    }

    [Fact]
    public async Task Transferring_to_an_unknown_or_the_same_warehouse_is_a_400()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 5);

        await OmsClient.FieldError(await _api.Post("/api/stock/transfer", new StockMoveBody(sku, Main, 1, ToWarehouse: "NO-SUCH-WH")), "toWarehouse");
        await OmsClient.FieldError(await _api.Post("/api/stock/transfer", new StockMoveBody(sku, Main, 1, ToWarehouse: Main)), "toWarehouse");

        Assert.Equal(new StockLevelView(Main, 5, 0, 5, 0), await _api.Level(sku, Main));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Adjusting_without_a_reason_is_a_400(string? reason)
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 5);

        await OmsClient.FieldError(await _api.Post("/api/stock/adjust", new StockMoveBody(sku, Main, -1, reason)), "reason");

        Assert.Equal(5, (await _api.Level(sku, Main)).OnHand);
    }

    [Fact]
    public async Task Transferring_more_than_is_available_is_a_409_and_moves_nothing()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 6);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 4)));
        await _api.Act(order.OrderId, "approve");

        // 6 on hand but 4 reserved: only 2 may leave.
        var response = await _api.Post("/api/stock/transfer", new StockMoveBody(sku, Main, 3, ToWarehouse: Jinan));

        await OmsClient.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal(new StockLevelView(Main, 6, 4, 2, 0), await _api.Level(sku, Main));
        Assert.Equal(0, (await _api.Level(sku, Jinan)).OnHand);
    }

    [Fact]
    public async Task Adjusting_on_hand_below_what_is_reserved_is_a_409()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 5);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 4)));
        await _api.Act(order.OrderId, "approve");

        var response = await _api.Post("/api/stock/adjust", new StockMoveBody(sku, Main, -2, "盘亏"));

        await OmsClient.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal(new StockLevelView(Main, 5, 4, 1, 0), await _api.Level(sku, Main));
        await _api.Post<SkuView>("/api/stock/adjust", new StockMoveBody(sku, Main, -1, "盘亏"));
        Assert.Equal(new StockLevelView(Main, 4, 4, 0, 0), await _api.Level(sku, Main));
    }

    [Theory]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    [InlineData(-1_000_001)]
    public async Task An_adjustment_beyond_the_quantity_limit_is_a_400_not_a_500(int quantity)
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 5);

        await OmsClient.FieldError(await _api.Post("/api/stock/adjust", new StockMoveBody(sku, Main, quantity, "盘点")), "quantity");

        Assert.Equal(5, (await _api.Level(sku, Main)).OnHand);
    }

    [Fact]
    public async Task Stock_of_a_missing_sku_is_a_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get($"/api/stock/{Unique.Code("NOPE")}")).StatusCode);
    }
}
