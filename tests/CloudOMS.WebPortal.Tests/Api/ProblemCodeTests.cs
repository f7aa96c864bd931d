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

    [Fact]
    public async Task A_problem_is_worded_in_one_language_the_one_Accept_Language_asks_for_Chinese_by_default()
    {
        var sku = await _api.CreateSku();
        var scarce = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 5)));
        var badSku = new SkuBody("", "", null, "个", 1m, 0m, 0);

        var stockZh = await OmsClient.Problem(await Send(HttpMethod.Post, $"/api/orders/{scarce.OrderId}/approve", null, null), HttpStatusCode.Conflict);
        var stockEn = await OmsClient.Problem(await Send(HttpMethod.Post, $"/api/orders/{scarce.OrderId}/approve", null, "en-US,en;q=0.9"), HttpStatusCode.Conflict);
        var fieldZh = await OmsClient.FieldError(await Send(HttpMethod.Post, "/api/skus", badSku, "zh-CN"), "code");
        var fieldEn = await OmsClient.FieldError(await Send(HttpMethod.Post, "/api/skus", badSku, "en"), "code");
        using var anonymous = new HttpClient { BaseAddress = _api.Http.BaseAddress };
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var signInEn = await OmsClient.Problem(await anonymous.GetAsync("/api/orders"), HttpStatusCode.Unauthorized);

        // Chinese: the refusal names the short SKU with what it needs and has, and carries no English.
        Assert.Contains("库存不足", stockZh.Detail, StringComparison.Ordinal);
        Assert.Contains(sku, stockZh.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("insufficient", stockZh.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("库存不足", stockZh.Title);
        Assert.True(HasChinese(fieldZh.Errors!["code"][0]), fieldZh.Errors["code"][0]);
        // English: the same answers with no Chinese in them.
        Assert.StartsWith("insufficient stock", stockEn.Detail, StringComparison.Ordinal);
        Assert.Contains(sku, stockEn.Detail, StringComparison.Ordinal);
        Assert.Equal("insufficient stock", stockEn.Title);
        Assert.All(new[] { stockEn.Detail!, stockEn.Title!, fieldEn.Errors!["code"][0], fieldEn.Title!, signInEn.Title!, signInEn.Detail! },
            text => Assert.False(HasChinese(text), text));
        Assert.Equal(("insufficient_stock", "insufficient_stock", "invalid_input", "unauthorized"), (stockZh.Code, stockEn.Code, fieldEn.Code, signInEn.Code));
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        return await _api.Http.SendAsync(request);
    }

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
