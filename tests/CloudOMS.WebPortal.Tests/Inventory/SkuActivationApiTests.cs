namespace CloudOMS.WebPortal.Tests.Inventory;

/// <summary>POST /api/skus/{code}/deactivate and /activate: an inactive SKU takes no new orders; what orders hold still ships.</summary>
[Collection(StockPortal.Name)]
public sealed class SkuActivationApiTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task An_inactive_sku_refuses_a_new_order_with_a_400_on_the_line_until_it_is_reactivated()
    {
        var code = await _api.CreateSku();
        await _api.Receive(code, OmsClient.MainWarehouse, 5);

        var deactivated = await _api.Post<SkuView>($"/api/skus/{code}/deactivate", null);
        var refused = await OmsClient.FieldError(await _api.Post("/api/orders", NewOrder.For(NewOrder.Line(code, 1))), "lines[0].skuCode");

        Assert.False(deactivated.Active);
        Assert.False((await _api.Get<SkuView>($"/api/skus/{code}")).Active);
        Assert.Contains("已停用", refused.Errors!["lines[0].skuCode"][0]);
        var listed = await Eventually.Until(() => _api.Get<PageView<SkuRowView>>($"/api/skus?search={code}&active=false"), p => p.Total == 1);
        Assert.False(listed.Items.Single().Active);

        Assert.True((await _api.Post<SkuView>($"/api/skus/{code}/activate", null)).Active);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(code, 2)));
        Assert.Equal("Approved", (await _api.Act(order.OrderId, "approve")).Status);
        await Eventually.Until(() => _api.Get<PageView<SkuRowView>>($"/api/skus?search={code}&active=true"), p => p.Total == 1);
    }

    [Fact]
    public async Task Approving_an_order_whose_sku_was_deactivated_is_a_409_naming_the_sku_while_an_approved_order_still_ships()
    {
        var code = await _api.CreateSku();
        await _api.Receive(code, OmsClient.MainWarehouse, 10);
        var approved = await _api.CreateOrder(NewOrder.For(NewOrder.Line(code, 3)));
        await _api.Act(approved.OrderId, "approve");
        var waiting = await _api.CreateOrder(NewOrder.For(NewOrder.Line(code, 2)));

        await _api.Post<SkuView>($"/api/skus/{code}/deactivate", null);
        var refusal = await OmsClient.Problem(await _api.Post($"/api/orders/{waiting.OrderId}/approve"), HttpStatusCode.Conflict);
        var shipped = await _api.Act(approved.OrderId, "ship", new { carrier = "SF", trackingNo = Unique.TrackingNo() });

        Assert.Equal([code], refusal.Skus);
        Assert.Equal("sku_inactive", refusal.Code);
        Assert.Contains("已停用", refusal.Detail);
        Assert.Equal("PendingReview", (await _api.Order(waiting.OrderId)).Status);
        Assert.Equal("Shipped", shipped.Status);
        var level = await _api.Level(code, OmsClient.MainWarehouse);
        Assert.Equal((7, 0), (level.OnHand, level.Reserved));
    }

    [Fact]
    public async Task Deactivating_an_unknown_sku_is_a_404()
    {
        var missing = Unique.Code("NOPE");

        await OmsClient.Problem(await _api.Post($"/api/skus/{missing}/deactivate"), HttpStatusCode.NotFound);
        await OmsClient.Problem(await _api.Post($"/api/skus/{missing}/activate"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get($"/api/skus/{missing}")).StatusCode);
    }

    [Fact]
    public async Task Deactivating_a_sku_without_the_skus_manage_permission_is_a_403_and_changes_nothing()
    {
        var code = await _api.CreateSku();
        var client = await _api.Post<NewApiClientView>("/api/api-clients", new { name = "只读库存", permissions = new[] { "inventory.view", "orders.edit" } }, HttpStatusCode.Created);
        var viewer = new OmsClient(await portal.ClientWithToken(client.ClientId, client.ClientSecret));

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Post($"/api/skus/{code}/deactivate")).StatusCode);

        Assert.True((await viewer.Get<SkuView>($"/api/skus/{code}")).Active);
    }

    [Fact]
    public async Task A_deactivation_reason_is_kept_in_the_audit_log_and_one_over_100_characters_is_a_400_in_the_callers_language()
    {
        var code = await _api.CreateSku();

        var chinese = await OmsClient.FieldError(await _api.Post($"/api/skus/{code}/deactivate", new { reason = new string('停', 101) }), "reason");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/skus/{code}/deactivate") { Content = JsonContent.Create(new { reason = new string('x', 101) }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await OmsClient.FieldError(await _api.Http.SendAsync(request), "reason");
        Assert.Equal("停用原因不能超过 100 个字符", chinese.Errors!["reason"][0]);
        Assert.Equal("reason must be at most 100 characters", english.Errors!["reason"][0]);
        Assert.True((await _api.Get<SkuView>($"/api/skus/{code}")).Active);

        Assert.False((await _api.Post<SkuView>($"/api/skus/{code}/deactivate", new { reason = "  厂家停产，库存清完不再进货  " })).Active);
        Assert.True((await _api.Post<SkuView>($"/api/skus/{code}/activate", null)).Active);

        var audit = await _api.Get<AuditPageView>("/api/audit?pageSize=200");
        var entries = audit.Items.Where(e => e.Target == code).Select(e => (e.Action, e.Detail)).ToList();
        Assert.Equal([("sku.activated", null), ("sku.deactivated", "厂家停产，库存清完不再进货")], entries);
    }
}
