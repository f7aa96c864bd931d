namespace CloudOMS.WebPortal.Tests.Orders;

/// <summary>
/// The order list reads the read model, which follows writes: each test lists its own orders (one
/// customer phone per test) and waits for them to appear.
/// </summary>
[Collection(OrdersPortal.Name)]
public sealed class OrderListTests(PortalFactory portal)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly OmsClient _api = portal.Api;

    private async Task<OrderView> Order(string phone, string channel = "manual", string? sku = null)
    {
        sku ??= await _api.CreateSku();
        return await _api.CreateOrder(NewOrder.For(phone, NewOrder.Line(sku, 1)) with { Channel = channel });
    }

    [Fact]
    public async Task Status_filter_lists_only_orders_in_those_statuses()
    {
        var phone = Unique.Phone();
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 10);
        var pending = await Order(phone, sku: sku);
        var approved = await Order(phone, sku: sku);
        await _api.Act(approved.OrderId, "approve");
        await _api.OrdersWhen($"q={phone}&status=Approved", p => p.Total == 1);

        var onlyApproved = await _api.Orders($"q={phone}&status=Approved");
        var onlyPending = await _api.Orders($"q={phone}&status=pendingreview");
        var both = await _api.Orders($"q={phone}&status=PendingReview,Approved");
        var none = await _api.Orders($"q={phone}&status=Shipped");

        Assert.Equal([approved.OrderId], onlyApproved.Items.Select(o => o.OrderId));
        Assert.Equal([pending.OrderId], onlyPending.Items.Select(o => o.OrderId));
        Assert.Equal(2, both.Total);
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task An_unknown_status_or_channel_is_a_400()
    {
        await OmsClient.FieldError(await _api.Get("/api/orders?status=Lost"), "status");
        await OmsClient.FieldError(await _api.Get("/api/orders?channel=ebay"), "channel");
        await OmsClient.FieldError(await _api.Get("/api/orders?from=2026-02-10&to=2026-02-01"), "from");
        await OmsClient.Problem(await _api.Get("/api/orders?from=2026-13-45"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Channel_filter_lists_only_that_channel()
    {
        var phone = Unique.Phone();
        var fromJd = await Order(phone, "jd");
        await Order(phone, "douyin");
        await _api.OrdersWhen($"q={phone}", p => p.Total == 2);

        var listed = await _api.Orders($"q={phone}&channel=jd");

        Assert.Equal([fromJd.OrderId], listed.Items.Select(o => o.OrderId));
    }

    [Fact]
    public async Task Search_finds_an_order_by_phone_order_number_external_number_and_tracking_number()
    {
        var phone = Unique.Phone();
        var external = Unique.Code("PDD");
        var tracking = Unique.TrackingNo();
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 1);
        var order = await _api.CreateOrder(NewOrder.For(phone, NewOrder.Line(sku, 1)) with { Channel = "pdd", ExternalOrderNo = external });
        await _api.Act(order.OrderId, "approve");
        await _api.Act(order.OrderId, "ship", new { carrier = "SF", trackingNo = tracking });

        var byTracking = await _api.OrdersWhen($"q={tracking}", p => p.Total == 1);
        var byPhone = await _api.Orders($"q={phone}");
        var byOrderNo = await _api.Orders($"q={order.OrderId}");
        var byExternal = await _api.Orders($"q={external}");

        Assert.All(new[] { byTracking, byPhone, byOrderNo, byExternal }, page => Assert.Equal([order.OrderId], page.Items.Select(o => o.OrderId)));
        var row = byTracking.Items.Single();
        Assert.Equal(("Shipped", "SF", tracking, phone), (row.Status, row.Carrier, row.TrackingNo, row.Phone));
    }

    [Fact]
    public async Task Date_range_is_inclusive_calendar_days_in_china_time()
    {
        var phone = Unique.Phone();
        var order = await Order(phone);
        await _api.OrdersWhen($"q={phone}", p => p.Total == 1);
        var day = DateOnly.FromDateTime(order.CreatedAt.ToOffset(China).DateTime);
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(1, (await _api.Orders($"q={phone}&from={D(day)}&to={D(day)}")).Total);
        Assert.Equal(1, (await _api.Orders($"q={phone}&from={D(day.AddDays(-7))}")).Total);
        Assert.Equal(1, (await _api.Orders($"q={phone}&to={D(day)}")).Total);
        Assert.Equal(0, (await _api.Orders($"q={phone}&from={D(day.AddDays(1))}")).Total);
        Assert.Equal(0, (await _api.Orders($"q={phone}&to={D(day.AddDays(-1))}")).Total);
    }

    [Fact]
    public async Task Warehouse_filter_lists_orders_allocated_to_that_warehouse()
    {
        var phone = Unique.Phone();
        var warehouse = await _api.CreateWarehouse(priority: 900);
        var sku = await _api.CreateSku();
        await _api.Receive(sku, warehouse, 5);
        var there = await Order(phone, sku: sku);
        await _api.Act(there.OrderId, "approve");
        await Order(phone, sku: sku);
        await _api.OrdersWhen($"q={phone}&status=Approved", p => p.Total == 1);
        await _api.OrdersWhen($"q={phone}", p => p.Total == 2);

        var listed = await _api.Orders($"warehouse={warehouse}");

        Assert.Equal(there.OrderId, listed.Items.Single().OrderId);
        Assert.Equal(warehouse, listed.Items.Single().Warehouse);
    }

    [Fact]
    public async Task Pages_split_the_list_newest_first_and_report_the_total()
    {
        var phone = Unique.Phone();
        var sku = await _api.CreateSku();
        var created = new List<string>();
        for (var i = 0; i < 5; i++) created.Add((await Order(phone, sku: sku)).OrderId);
        await _api.OrdersWhen($"q={phone}", p => p.Total == 5);

        var first = await _api.Orders($"q={phone}&page=1&pageSize=2");
        var second = await _api.Orders($"q={phone}&page=2&pageSize=2");
        var third = await _api.Orders($"q={phone}&page=3&pageSize=2");
        var beyond = await _api.Orders($"q={phone}&page=4&pageSize=2");

        Assert.All(new[] { first, second, third, beyond }, p => Assert.Equal((5, 2), (p.Total, p.PageSize)));
        Assert.Equal((1, 2), (first.PageNumber, first.Items.Count));
        Assert.Single(third.Items);
        Assert.Empty(beyond.Items);
        var paged = first.Items.Concat(second.Items).Concat(third.Items).Select(o => o.OrderId).ToList();
        Assert.Equal(Enumerable.Reverse(created), paged);
    }

    [Fact]
    public async Task Orders_carry_names_beside_their_codes_in_the_callers_language()
    {
        var phone = Unique.Phone();
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 1);
        var order = await Order(phone, "jd", sku);
        var pending = await _api.GetIn($"/api/orders/{order.OrderId}", "zh-CN");
        Assert.Equal(("PendingReview", "待审核", "jd", "京东"), (Text(pending, "status"), Text(pending, "statusName"), Text(pending, "channel"), Text(pending, "channelName")));
        Assert.Equal("Pending review", Text(await _api.GetIn($"/api/orders/{order.OrderId}", "en-US"), "statusName"));

        await _api.Post<OrderView>($"/api/orders/{order.OrderId}/payments", new { amount = order.Total, method = "wechatpay", reference = "WX-1" });
        await _api.Act(order.OrderId, "approve");
        var tracking = "7" + Unique.Phone()[1..];
        await _api.Act(order.OrderId, "ship", new { carrier = "ZTO", trackingNo = tracking });

        var zh = await _api.GetIn($"/api/orders/{order.OrderId}", "zh-CN");
        Assert.Equal(("Shipped", "已发货", "已付款"), (Text(zh, "status"), Text(zh, "statusName"), Text(zh, "paymentStatusName")));
        Assert.Equal("已发货", Text(zh, "statusText"));
        var shipment = zh.GetProperty("shipment");
        Assert.Equal(("ZTO", "中通快递"), (Text(shipment, "carrier"), Text(shipment, "carrierName")));
        var payment = zh.GetProperty("payments")[0];
        Assert.Equal(("wechatpay", "微信支付"), (Text(payment, "method"), Text(payment, "methodName")));
        var shipped = zh.GetProperty("timeline").EnumerateArray().Single(t => Text(t, "event") == "shipped");
        Assert.Equal(("已发货", $"中通快递 {tracking}"), (Text(shipped, "eventName"), Text(shipped, "detailText")));

        var en = await _api.GetIn($"/api/orders/{order.OrderId}", "en-US,en;q=0.9");
        Assert.Equal(("Shipped", "JD.com", "ZTO Express", "WeChat Pay"),
            (Text(en, "statusName"), Text(en, "channelName"), Text(en.GetProperty("shipment"), "carrierName"), Text(en.GetProperty("payments")[0], "methodName")));
        Assert.Equal("已发货", Text(en, "statusText")); // kept as it was for the clients reading it

        await _api.OrdersWhen($"q={phone}&status=Shipped", p => p.Total == 1);
        var row = (await _api.GetIn($"/api/orders?q={phone}", "zh-CN")).GetProperty("items")[0];
        Assert.Equal(("jd", "京东", "ZTO", "中通快递", "Shipped", "已发货", "已付款"), (Text(row, "channel"), Text(row, "channelName"), Text(row, "carrier"),
            Text(row, "carrierName"), Text(row, "status"), Text(row, "statusName"), Text(row, "paymentStatusName")));
        var enRow = (await _api.GetIn($"/api/orders?q={phone}", "en")).GetProperty("items")[0];
        Assert.Equal(("JD.com", "ZTO Express", "Shipped"), (Text(enRow, "channelName"), Text(enRow, "carrierName"), Text(enRow, "statusName")));
    }

    private static string? Text(System.Text.Json.JsonElement element, string name) => element.GetProperty(name).GetString();
}
