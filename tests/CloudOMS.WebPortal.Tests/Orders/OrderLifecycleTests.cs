namespace CloudOMS.WebPortal.Tests.Orders;

[Collection(OrdersPortal.Name)]
public sealed class OrderLifecycleTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task An_order_goes_from_review_to_completed_moving_its_stock_from_reserved_to_shipped()
    {
        var cup = await _api.CreateSku();
        var towel = await _api.CreateSku();
        await _api.Receive(cup, OmsClient.MainWarehouse, 10);
        await _api.Receive(towel, OmsClient.MainWarehouse, 5);
        var tracking = Unique.TrackingNo();

        var created = await _api.CreateOrder(NewOrder.For(NewOrder.Line(cup, 3, 10.00m), NewOrder.Line(towel, 2, 5.50m, 1.00m)) with { ShippingFee = 8m });
        Assert.Equal("PendingReview", created.Status);
        Assert.Equal("Unpaid", created.PaymentStatus);
        Assert.Equal(48.00m, created.Total); // 30 + 11 - 1 discount + 8 shipping
        Assert.Equal("CNY", created.Currency);

        var approved = await _api.Act(created.OrderId, "approve");
        Assert.Equal("Approved", approved.Status);
        Assert.Equal(OmsClient.MainWarehouse, approved.Warehouse);
        Assert.Equal("Reserved", approved.StockHold);
        Assert.Equal(new StockLevelView(OmsClient.MainWarehouse, 10, 3, 7, 0), await _api.Level(cup, OmsClient.MainWarehouse));
        Assert.Equal(new StockLevelView(OmsClient.MainWarehouse, 5, 2, 3, 0), await _api.Level(towel, OmsClient.MainWarehouse));

        Assert.Equal("Picking", (await _api.Act(created.OrderId, "pick")).Status);

        var shipped = await _api.Act(created.OrderId, "ship", new { carrier = "SF", trackingNo = tracking });
        Assert.Equal("Shipped", shipped.Status);
        Assert.Equal("Committed", shipped.StockHold);
        Assert.Equal(("SF", tracking), (shipped.Shipment?.Carrier, shipped.Shipment?.TrackingNo));
        Assert.Equal(new StockLevelView(OmsClient.MainWarehouse, 7, 0, 7, 0), await _api.Level(cup, OmsClient.MainWarehouse));
        Assert.Equal(new StockLevelView(OmsClient.MainWarehouse, 3, 0, 3, 0), await _api.Level(towel, OmsClient.MainWarehouse));

        Assert.Equal("Delivered", (await _api.Act(created.OrderId, "deliver")).Status);
        Assert.Equal("Completed", (await _api.Act(created.OrderId, "complete")).Status);

        var order = await _api.Order(created.OrderId);
        Assert.Equal("Completed", order.Status);
        Assert.Equal("已完成", order.StatusText);
        Assert.Equal(["created", "approved", "picking", "shipped", "delivered", "completed"], order.Timeline.Select(t => t.Event));
        Assert.Equal(order.Timeline.OrderBy(t => t.At).Select(t => t.Event), order.Timeline.Select(t => t.Event));
        Assert.All(order.Timeline, t => Assert.Equal(PortalFactory.DemoApiActor, t.Actor));
        Assert.Contains(tracking, order.Timeline.Single(t => t.Event == "shipped").Detail);
    }

    [Fact]
    public async Task Partial_payment_marks_the_order_partially_paid_and_the_rest_marks_it_paid()
    {
        var sku = await _api.CreateSku();
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 2, 25.00m)));

        var partly = await _api.Post<OrderView>($"/api/orders/{order.OrderId}/payments", new { amount = 20.00m, method = "alipay", reference = "PAY-1" });
        Assert.Equal("PartiallyPaid", partly.PaymentStatus);
        Assert.Equal(20.00m, partly.Paid);

        var paid = await _api.Post<OrderView>($"/api/orders/{order.OrderId}/payments", new { amount = 30.00m, method = "wechatpay", reference = "PAY-2" });
        Assert.Equal("Paid", paid.PaymentStatus);
        Assert.Equal(50.00m, paid.Paid);
        Assert.Equal([20.00m, 30.00m], paid.Payments.Select(p => p.Amount));
        Assert.Equal(2, paid.Timeline.Count(t => t.Event == "paid"));
    }

    [Fact]
    public async Task Payment_above_what_is_outstanding_is_refused_and_not_recorded()
    {
        var sku = await _api.CreateSku();
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1, 40.00m)));
        await _api.Post<OrderView>($"/api/orders/{order.OrderId}/payments", new { amount = 30.00m, method = "cash" });

        var response = await _api.Post($"/api/orders/{order.OrderId}/payments", new { amount = 10.01m, method = "cash" });

        await OmsClient.FieldError(response, "amount");
        var after = await _api.Order(order.OrderId);
        Assert.Equal(30.00m, after.Paid);
        Assert.Equal("PartiallyPaid", after.PaymentStatus);
    }

    [Fact]
    public async Task Repeating_a_payment_with_the_same_reference_records_it_once()
    {
        var sku = await _api.CreateSku();
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1, 40.00m)));
        var payment = new { amount = 15.00m, method = "bank", reference = Unique.Code("TXN") };

        await _api.Post<OrderView>($"/api/orders/{order.OrderId}/payments", payment);
        var again = await _api.Post<OrderView>($"/api/orders/{order.OrderId}/payments", payment);

        Assert.Equal(15.00m, again.Paid);
        Assert.Single(again.Payments);
    }

    [Fact]
    public async Task Order_json_uses_camel_case_names_and_enum_strings()
    {
        var sku = await _api.CreateSku();
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)));

        var json = await _api.Http.GetStringAsync($"/api/orders/{order.OrderId}");

        Assert.Contains($"\"orderId\":\"{order.OrderId}\"", json);
        Assert.Contains("\"status\":\"PendingReview\"", json);
        Assert.Contains("\"paymentStatus\":\"Unpaid\"", json);
        Assert.Contains("\"stockHold\":\"None\"", json);
        Assert.DoesNotContain("\"OrderId\"", json);
    }
}
