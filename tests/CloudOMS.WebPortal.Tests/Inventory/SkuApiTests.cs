namespace CloudOMS.WebPortal.Tests.Inventory;

[Collection(StockPortal.Name)]
public sealed class SkuApiTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    // Each SKU its own barcode: a company's barcodes are unique.
    private static SkuBody Body(string code, string name = "沂蒙小米 2.5kg") => new(code, name, Unique.Barcode(), "袋", 32.00m, 2.55m, 25);

    [Fact]
    public async Task A_created_sku_can_be_read_back_and_found_in_the_list()
    {
        var code = Unique.Code("SKU");

        var body = Body(code);
        var response = await _api.Post("/api/skus", body);

        var created = await OmsClient.Read<SkuView>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/skus/{code}", response.Headers.Location?.OriginalString);
        Assert.Equal(new SkuProfileView(code, "沂蒙小米 2.5kg", body.Barcode, "袋", 32.00m, 2.55m, 25), created.Profile);
        Assert.Equal(created.Profile, (await _api.Get<SkuView>($"/api/skus/{code}")).Profile);
        var listed = await Eventually.Until(() => _api.Get<PageView<SkuProfileView>>($"/api/skus?search={code}"), p => p.Total == 1);
        Assert.Equal(code, listed.Items.Single().Code);
    }

    [Fact]
    public async Task Creating_a_sku_code_that_exists_is_a_400_and_keeps_the_first()
    {
        var code = Unique.Code("SKU");
        await _api.Post<SkuView>("/api/skus", Body(code, "原名"), HttpStatusCode.Created);

        await OmsClient.FieldError(await _api.Post("/api/skus", Body(code, "新名")), "code");

        Assert.Equal("原名", (await _api.Get<SkuView>($"/api/skus/{code}")).Profile.Name);
    }

    [Fact]
    public async Task The_seeded_skus_are_there()
    {
        var page = await Eventually.Until(() => _api.Get<PageView<SkuProfileView>>("/api/skus?search=LY-00&pageSize=100"), p => p.Total == 50);

        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"LY-{i:D4}"), page.Items.Select(s => s.Code));
    }

    [Theory]
    [InlineData("code", "has space")]
    [InlineData("name", "")]
    [InlineData("unit", null)]
    [InlineData("barcode", "69-21")]
    [InlineData("price", "-1")]
    [InlineData("weightKg", "0.0001")]
    [InlineData("safetyStock", "-1")]
    public async Task Bad_sku_input_is_a_400_naming_the_field(string field, string? value)
    {
        var valid = Body(Unique.Code("SKU"));
        var body = field switch
        {
            "code" => valid with { Code = value },
            "name" => valid with { Name = value },
            "unit" => valid with { Unit = value },
            "barcode" => valid with { Barcode = value },
            "price" => valid with { Price = decimal.Parse(value!, System.Globalization.CultureInfo.InvariantCulture) },
            "weightKg" => valid with { WeightKg = decimal.Parse(value!, System.Globalization.CultureInfo.InvariantCulture) },
            _ => valid with { SafetyStock = int.Parse(value!, System.Globalization.CultureInfo.InvariantCulture) },
        };

        await OmsClient.FieldError(await _api.Post("/api/skus", body), field);

        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get($"/api/skus/{valid.Code}")).StatusCode);
    }

    [Fact]
    public async Task Editing_a_sku_keeps_its_code_and_its_stock()
    {
        var code = await _api.CreateSku();
        await _api.Receive(code, OmsClient.MainWarehouse, 4);

        using var response = await _api.Http.PutAsJsonAsync($"/api/skus/{code}", Body("IGNORED", "改过的名字"), OmsClient.Json);

        var edited = await OmsClient.Read<SkuView>(response, HttpStatusCode.OK);
        Assert.Equal((code, "改过的名字"), (edited.Profile.Code, edited.Profile.Name));
        Assert.Equal(4, edited.Levels.Single().OnHand);
    }

    [Fact]
    public async Task A_missing_sku_is_a_404()
    {
        var missing = Unique.Code("NOPE");

        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get($"/api/skus/{missing}")).StatusCode);
        using var edit = await _api.Http.PutAsJsonAsync($"/api/skus/{missing}", Body(missing), OmsClient.Json);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }
}
