namespace CloudOMS.WebPortal.Tests.Api;

/// <summary>
/// Every problem answer carries a stable machine-readable code beside its message (docs/architecture.md, HTTP API),
/// so a client tells a stock refusal from an illegal transition, a retryable 503 from a bug, without reading text.
/// </summary>
[Collection(OrdersPortal.Name)]
public sealed class ProblemCodeTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task A_field_error_a_malformed_body_and_a_missing_order_carry_their_codes()
    {
        var invalid = await OmsClient.FieldError(await _api.Post("/api/skus", new SkuBody("", "", null, "个", 1m, 0m, 0)), "code");
        using var malformed = new StringContent("{\"code\": ", System.Text.Encoding.UTF8, "application/json");
        var badJson = await OmsClient.Problem(await _api.Http.PostAsync("/api/skus", malformed), HttpStatusCode.BadRequest);
        var missing = await OmsClient.Problem(await _api.Get($"/api/orders/SO19990101{Random.Shared.Next(10_000, 99_999)}"), HttpStatusCode.NotFound);

        Assert.Equal(("invalid_input", "malformed_request", "not_found"), (invalid.Code, badJson.Code, missing.Code));
    }

    [Fact]
    public async Task A_call_without_a_token_is_a_401_with_code_unauthorized()
    {
        using var anonymous = new HttpClient { BaseAddress = _api.Http.BaseAddress };

        var problem = await OmsClient.Problem(await anonymous.GetAsync("/api/orders"), HttpStatusCode.Unauthorized);

        Assert.Equal("unauthorized", problem.Code);
    }

    [Fact]
    public async Task A_stock_refusal_and_an_illegal_transition_are_both_409_but_with_different_codes_and_titles()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 1);
        var scarce = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 5)));
        var pending = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)));

        var stock = await OmsClient.Problem(await _api.Post($"/api/orders/{scarce.OrderId}/approve"), HttpStatusCode.Conflict);
        var transition = await OmsClient.Problem(await _api.Post($"/api/orders/{pending.OrderId}/deliver"), HttpStatusCode.Conflict);

        Assert.Equal("insufficient_stock", stock.Code);
        Assert.Equal([sku], stock.Skus);
        Assert.Equal("invalid_transition", transition.Code);
        Assert.NotEqual(stock.Title, transition.Title);
    }
}
