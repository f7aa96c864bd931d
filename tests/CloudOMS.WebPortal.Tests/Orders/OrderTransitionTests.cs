namespace CloudOMS.WebPortal.Tests.Orders;

/// <summary>
/// Actions the order's status does not allow (409 invalid_transition), orders that do not exist (404), bad shipment
/// input (400). Repeats of an action that already happened answer 200: OrderRetryTests.
/// </summary>
[Collection(OrdersPortal.Name)]
public sealed class OrderTransitionTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    private async Task<OrderView> Stocked(int quantity = 1)
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 10);
        return await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, quantity)));
    }

    [Fact]
    public async Task Shipping_an_order_still_pending_review_is_a_conflict_and_changes_nothing()
    {
        var order = await Stocked();

        var response = await _api.Post($"/api/orders/{order.OrderId}/ship", new { carrier = "SF", trackingNo = Unique.TrackingNo() });

        var problem = await OmsClient.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal("invalid_transition", problem.Code);
        Assert.Contains("待审核", problem.Detail);
        var after = await _api.Order(order.OrderId);
        Assert.Equal(("PendingReview", "None"), (after.Status, after.StockHold));
        Assert.Null(after.Shipment);
    }

    [Fact]
    public async Task Completing_a_shipped_order_before_delivery_is_a_conflict()
    {
        var order = await Stocked();
        await _api.Act(order.OrderId, "approve");
        await _api.Act(order.OrderId, "ship", new { carrier = "YTO", trackingNo = Unique.TrackingNo() });

        var response = await _api.Post($"/api/orders/{order.OrderId}/complete");

        await OmsClient.Problem(response, HttpStatusCode.Conflict);
        Assert.Equal("Shipped", (await _api.Order(order.OrderId)).Status);
    }

    [Theory]
    [InlineData("pick")]
    [InlineData("deliver")]
    [InlineData("complete")]
    [InlineData("release-hold")]
    public async Task Actions_a_pending_order_does_not_allow_are_conflicts(string action)
    {
        var order = await Stocked();

        var response = await _api.Post($"/api/orders/{order.OrderId}/{action}");

        Assert.Equal("invalid_transition", (await OmsClient.Problem(response, HttpStatusCode.Conflict)).Code);
        Assert.Equal("PendingReview", (await _api.Order(order.OrderId)).Status);
    }

    [Fact]
    public async Task A_draft_must_be_submitted_before_it_can_be_approved()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 1);
        var draft = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)) with { Draft = true });
        Assert.Equal("Draft", draft.Status);

        await OmsClient.Problem(await _api.Post($"/api/orders/{draft.OrderId}/approve"), HttpStatusCode.Conflict);
        Assert.Equal("PendingReview", (await _api.Act(draft.OrderId, "submit")).Status);

        Assert.Equal("Approved", (await _api.Act(draft.OrderId, "approve")).Status);
    }

    [Fact]
    public async Task Hold_and_release_return_the_order_to_where_it_was()
    {
        var order = await Stocked();
        await _api.Act(order.OrderId, "approve");

        Assert.Equal("OnHold", (await _api.Act(order.OrderId, "hold", new { reason = "核对地址" })).Status);
        await OmsClient.Problem(await _api.Post($"/api/orders/{order.OrderId}/pick"), HttpStatusCode.Conflict);
        var released = await _api.Act(order.OrderId, "release-hold");

        Assert.Equal("Approved", released.Status);
        Assert.Equal("Reserved", released.StockHold);
    }

    [Theory]
    [InlineData("UPS", "carrier")]
    [InlineData(null, "carrier")]
    [InlineData("SF", "trackingNo")]
    public async Task Shipping_with_an_unknown_carrier_or_no_tracking_number_is_a_400(string? carrier, string field)
    {
        var order = await Stocked();
        await _api.Act(order.OrderId, "approve");

        var response = await _api.Post($"/api/orders/{order.OrderId}/ship", new { carrier, trackingNo = field == "trackingNo" ? " " : Unique.TrackingNo() });

        await OmsClient.FieldError(response, field);
        Assert.Equal("Approved", (await _api.Order(order.OrderId)).Status);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/approve")]
    [InlineData("POST", "/cancel")]
    [InlineData("POST", "/ship")]
    public async Task A_missing_order_is_a_404(string method, string action)
    {
        var path = $"/api/orders/SO19990101{Random.Shared.Next(10_000, 99_999)}{action}";
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { reason = "x", carrier = "SF", trackingNo = "SF1" }) : null,
        };

        var response = await _api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_order_id_that_is_not_a_code_is_a_404()
    {
        var response = await _api.Get("/api/orders/not%20a%20code!");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
