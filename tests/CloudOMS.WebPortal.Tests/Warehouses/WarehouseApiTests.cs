namespace CloudOMS.WebPortal.Tests.Warehouses;

[Collection(StockPortal.Name)]
public sealed class WarehouseApiTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    private static WarehouseBody Body(string code, string name = "青岛前置仓", int priority = 3) =>
        new(code, name, "山东省", "青岛市", "黄岛区长江中路 315 号", priority);

    [Fact]
    public async Task A_created_warehouse_can_be_read_back_and_is_listed_by_priority()
    {
        var code = Unique.Code("WH");

        var response = await _api.Post("/api/warehouses", Body(code, priority: 3));

        var created = await OmsClient.Read<WarehouseView>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/warehouses/{code}", response.Headers.Location?.OriginalString);
        Assert.Equal(new WarehouseView(code, "青岛前置仓", "山东省", "青岛市", "黄岛区长江中路 315 号", 3, true), created);
        Assert.Equal(created, await _api.Get<WarehouseView>($"/api/warehouses/{code}"));
        var listed = await Eventually.Until(() => _api.Get<List<WarehouseView>>("/api/warehouses"), l => l.Any(w => w.Code == code));
        Assert.Equal(listed.OrderBy(w => w.Priority).ThenBy(w => w.Code, StringComparer.Ordinal).Select(w => w.Code), listed.Select(w => w.Code));
        Assert.Equal(["LY-MAIN", "JN-01"], listed.Where(w => w.Code is "LY-MAIN" or "JN-01").Select(w => w.Code));
    }

    [Fact]
    public async Task Creating_a_warehouse_code_that_exists_is_a_400_and_keeps_the_first()
    {
        var code = Unique.Code("WH");
        await _api.Post<WarehouseView>("/api/warehouses", Body(code, "原仓库"), HttpStatusCode.Created);

        await OmsClient.FieldError(await _api.Post("/api/warehouses", Body(code, "新仓库")), "code");

        Assert.Equal("原仓库", (await _api.Get<WarehouseView>($"/api/warehouses/{code}")).Name);
    }

    [Fact]
    public async Task Creating_a_seeded_warehouse_code_again_is_a_400()
    {
        await OmsClient.FieldError(await _api.Post("/api/warehouses", Body(OmsClient.MainWarehouse)), "code");

        Assert.Equal(1, (await _api.Get<WarehouseView>($"/api/warehouses/{OmsClient.MainWarehouse}")).Priority);
    }

    [Theory]
    [InlineData("priority", 0)]
    [InlineData("priority", 1000)]
    [InlineData("name", 3)]
    [InlineData("code", 3)]
    public async Task Bad_warehouse_input_is_a_400_naming_the_field(string field, int priority)
    {
        var valid = Body(Unique.Code("WH"), priority: priority);
        var body = field switch
        {
            "name" => valid with { Name = " " },
            "code" => valid with { Code = "bad code" },
            _ => valid,
        };

        await OmsClient.FieldError(await _api.Post("/api/warehouses", body), field);

        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get($"/api/warehouses/{valid.Code}")).StatusCode);
    }

    [Fact]
    public async Task Deactivating_a_warehouse_stops_receiving_into_it_until_it_is_active_again()
    {
        var code = await _api.CreateWarehouse(priority: 800);
        var sku = await _api.CreateSku();

        Assert.False((await _api.Post<WarehouseView>($"/api/warehouses/{code}/deactivate", null)).Active);
        await OmsClient.FieldError(await _api.Post("/api/stock/receive", new StockMoveBody(sku, code, 1)), "warehouse");
        Assert.True((await _api.Post<WarehouseView>($"/api/warehouses/{code}/activate", null)).Active);

        await _api.Receive(sku, code, 1);
        Assert.Equal(1, (await _api.Level(sku, code)).OnHand);
    }

    [Fact]
    public async Task A_missing_warehouse_is_a_404()
    {
        var missing = Unique.Code("NOPE");

        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get($"/api/warehouses/{missing}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Post($"/api/warehouses/{missing}/deactivate")).StatusCode);
    }
}
