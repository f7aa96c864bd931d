using System.Text;

namespace CloudOMS.WebPortal.Tests.Orders;

/// <summary>Bad order input: 400 with the field at fault, never a 500, and nothing written.</summary>
[Collection(OrdersPortal.Name)]
public sealed class OrderInputTests(PortalFactory portal)
{
    private const string SeededSku = "LY-0001";
    private readonly OmsClient _api = portal.Api;

    private static OrderBody Valid() => NewOrder.For(NewOrder.Line(SeededSku, 1, 45.00m));

    private static OrderBody Broken(string flaw) => flaw switch
    {
        "zero quantity" => Valid() with { Lines = [NewOrder.Line(SeededSku, 0)] },
        "negative quantity" => Valid() with { Lines = [NewOrder.Line(SeededSku, -3)] },
        "unknown SKU on the second line" => Valid() with { Lines = [NewOrder.Line(SeededSku, 1), NewOrder.Line(Unique.Code("NOPE"), 1)] },
        "no lines" => Valid() with { Lines = [] },
        "missing lines" => Valid() with { Lines = null },
        "customer name of 51 characters" => Valid() with { Customer = NewOrder.Customer() with { Name = new string('张', 51) } },
        "note of 501 characters" => Valid() with { Note = new string('x', 501) },
        "unknown channel" => Valid() with { Channel = "ebay" },
        "missing customer" => Valid() with { Customer = null },
        "phone with letters" => Valid() with { Customer = NewOrder.Customer("138-ABC") },
        "negative unit price" => Valid() with { Lines = [NewOrder.Line(SeededSku, 1, -1m)] },
        "discount above the line amount" => Valid() with { Lines = [NewOrder.Line(SeededSku, 2, 10m, 20.01m)] },
        "external number with a space" => Valid() with { Channel = "jd", ExternalOrderNo = "JD 123" },
        "negative freight" => Valid() with { ShippingFee = -1m },
        "order discount above the goods" => Valid() with { Discount = 45.01m },
        "negative order discount" => Valid() with { Discount = -1m },
        _ => throw new ArgumentOutOfRangeException(nameof(flaw), flaw, null),
    };

    [Theory]
    [InlineData("zero quantity", "lines[0].quantity")]
    [InlineData("negative quantity", "lines[0].quantity")]
    [InlineData("unknown SKU on the second line", "lines[1].skuCode")]
    [InlineData("no lines", "lines")]
    [InlineData("missing lines", "lines")]
    [InlineData("customer name of 51 characters", "customer.name")]
    [InlineData("note of 501 characters", "note")]
    [InlineData("unknown channel", "channel")]
    [InlineData("missing customer", "customer")]
    [InlineData("phone with letters", "customer.phone")]
    [InlineData("negative unit price", "lines[0].unitPrice")]
    [InlineData("discount above the line amount", "lines[0].discount")]
    [InlineData("external number with a space", "externalOrderNo")]
    [InlineData("negative freight", "shippingFee")]
    [InlineData("order discount above the goods", "discount")]
    [InlineData("negative order discount", "discount")]
    public async Task Create_refuses_bad_input_with_400_naming_the_field(string flaw, string field)
    {
        var response = await _api.Post("/api/orders", Broken(flaw));

        await OmsClient.FieldError(response, field);
    }

    [Fact]
    public async Task An_order_discount_is_kept_on_the_lines_and_lowers_the_total_with_the_freight_added()
    {
        var body = NewOrder.For(NewOrder.Line(SeededSku, 2, 30m), NewOrder.Line("LY-0002", 1, 10m)) with
        {
            Channel = "taobao", ExternalOrderNo = "TB" + Unique.Phone(), ShippingFee = 6m, Discount = 7m, Note = "周六前送到",
        };

        var order = await _api.CreateOrder(body);

        // 7 over goods of 60 and 10: 6 and 1.
        Assert.Equal([6m, 1m], order.Lines.Select(l => l.Discount));
        Assert.Equal(69m, order.Total); // 70 goods - 7 discount + 6 freight
        Assert.Equal(6m, order.ShippingFee);
        Assert.Equal(body.ExternalOrderNo, order.ExternalOrderNo);
    }

    [Fact]
    public async Task Text_at_its_limit_is_accepted()
    {
        var body = Valid() with { Customer = NewOrder.Customer() with { Name = new string('张', 50) }, Note = new string('x', 500) };

        var order = await _api.CreateOrder(body);

        Assert.Equal(50, order.Customer.Name!.Length);
        Assert.Equal(500, order.Note!.Length);
    }

    [Fact]
    public async Task A_refused_create_writes_no_order()
    {
        var phone = Unique.Phone();
        await _api.ReadModelCaughtUp();
        var before = (await _api.Orders("pageSize=1")).Total;

        foreach (var flaw in new[] { "zero quantity", "unknown SKU on the second line", "note of 501 characters", "no lines" })
        {
            var body = Broken(flaw);
            var response = await _api.Post("/api/orders", body with { Customer = (body.Customer ?? NewOrder.Customer()) with { Phone = phone } });
            await OmsClient.Problem(response, HttpStatusCode.BadRequest);
        }

        await _api.ReadModelCaughtUp();
        Assert.Equal(before, (await _api.Orders("pageSize=1")).Total);
        Assert.Equal(0, (await _api.Orders($"q={phone}")).Total);
    }

    [Theory]
    [InlineData("{\"channel\": \"manual\", \"lines\": [")]
    [InlineData("{\"channel\": \"manual\", \"lines\": [{\"skuCode\": \"LY-0001\", \"quantity\": \"three\"}]}")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{\"channel\":\"manual\",\"customer\":{\"name\":\"a\",\"phone\":\"1\",\"province\":\"p\",\"city\":\"c\",\"address\":\"x\"},\"lines\":[null]}")]
    public async Task Malformed_json_is_a_400_problem_not_a_500(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await _api.Http.PostAsync("/api/orders", content);

        await OmsClient.Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_unit_price_near_the_decimal_limit_is_a_400_naming_the_price_not_a_500()
    {
        // decimal.MaxValue is about 7.9e28: the price is far above the 100,000,000 limit, and twice it does not fit a decimal.
        var body = Valid() with { Lines = [NewOrder.Line(SeededSku, 2, 79_000_000_000_000_000_000_000_000_000m)] };

        var response = await _api.Post("/api/orders", body);

        await OmsClient.FieldError(response, "lines[0].unitPrice");
    }

    [Fact]
    public async Task A_quantity_too_large_for_an_integer_is_a_400_not_a_500()
    {
        using var content = new StringContent(
            $"{{\"channel\":\"manual\",\"customer\":{{\"name\":\"a\",\"phone\":\"1\",\"province\":\"p\",\"city\":\"c\",\"address\":\"x\"}},\"lines\":[{{\"skuCode\":\"{SeededSku}\",\"quantity\":99999999999,\"unitPrice\":1}}]}}",
            Encoding.UTF8, "application/json");

        var response = await _api.Http.PostAsync("/api/orders", content);

        await OmsClient.Problem(response, HttpStatusCode.BadRequest);
    }
}
