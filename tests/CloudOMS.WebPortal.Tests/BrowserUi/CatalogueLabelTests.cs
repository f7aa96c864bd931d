using Microsoft.Playwright;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>People read names, not codes: channels, couriers and payment methods in the order log, actions and people in the audit log.</summary>
[Collection(OrdersPortal.Name)]
public sealed class CatalogueLabelTests(PortalFactory portal, Chromium chromium) : IClassFixture<Chromium>
{
    private readonly PortalPages _pages = new(portal, chromium);

    [Fact]
    public async Task The_order_log_names_the_channel_the_payment_method_and_the_courier()
    {
        var api = portal.Api;
        var order = await api.Post<OrderView>("/api/orders", NewOrder.For(NewOrder.Line("LY-0001", 1)) with { Channel = "jd", ExternalOrderNo = "JD" + Unique.Phone() },
            HttpStatusCode.Created);
        await api.Post<OrderView>($"/api/orders/{order.OrderId}/payments", new { amount = order.Total, method = "wechatpay", reference = "WX-1" });
        await api.Act(order.OrderId, "approve");
        await api.Act(order.OrderId, "pick");
        var tracking = "7" + Unique.Phone()[1..];
        await api.Act(order.OrderId, "ship", new { carrier = "ZTO", trackingNo = tracking });

        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, $"/app/orders/{order.OrderId}");
        var log = page.Locator("#order-timeline");
        await Assertions.Expect(log).ToContainTextAsync("京东");
        await Assertions.Expect(log).ToContainTextAsync("微信支付");
        await Assertions.Expect(log).ToContainTextAsync($"中通快递 {tracking}");
        var text = await log.InnerTextAsync();
        Assert.DoesNotContain("wechatpay", text);
        Assert.DoesNotContain($"ZTO {tracking}", text);
        Assert.DoesNotMatch(@"(^|\s)jd(\s|$)", text);
        // The warehouse the order went to, by its name.
        var warehouse = (await api.Order(order.OrderId)).Warehouse;
        var name = (await api.Get<List<WarehouseView>>("/api/warehouses")).Single(w => w.Code == warehouse).Name;
        await Assertions.Expect(page.Locator("#order-warehouse")).ToHaveTextAsync(name);
        await Chromium.Screenshot(page, "order-log-labels");
    }

    [Fact]
    public async Task The_dashboard_names_channels_and_statuses()
    {
        var api = portal.Api;
        var sold = await api.CreateOrder(NewOrder.For(NewOrder.Line("LY-0001", 1)) with { Channel = "jd" });
        await api.Act(sold.OrderId, "approve");
        await api.CreateOrder(NewOrder.For(NewOrder.Line("LY-0001", 1)) with { Channel = "jd" });

        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await Assertions.Expect(page.Locator("#by-status")).ToContainTextAsync("待审核");
        await Assertions.Expect(page.Locator("#by-status")).ToContainTextAsync("已审核");
        await Assertions.Expect(page.Locator(".rz-chart").Nth(1)).ToContainTextAsync("京东");
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("PendingReview", text);
        Assert.DoesNotContain("Approved", text);
        Assert.DoesNotMatch(@"(^|\s)(jd|manual)(\s|$)", text);
        await Chromium.Screenshot(page, "dashboard-labels");
    }

    [Fact]
    public async Task The_order_export_writes_status_channel_and_courier_names_in_the_users_language()
    {
        var api = portal.Api;
        var order = await api.CreateOrder(NewOrder.For(NewOrder.Line("LY-0001", 1)) with { Channel = "jd" });
        await api.Act(order.OrderId, "approve");
        await api.Act(order.OrderId, "ship", new { carrier = "ZTO", trackingNo = "7" + Unique.Phone()[1..] });
        await api.OrdersWhen($"q={order.OrderId}&status=Shipped", p => p.Total == 1);

        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        var zh = await Export(page, order.OrderId);
        Assert.Equal(("已发货", "京东", "中通快递"), (zh["状态"], zh["渠道"], zh["承运商"]));

        await page.ClickAsync("#language");
        await Assertions.Expect(page.Locator(".rz-sidebar")).ToContainTextAsync("Dashboard");
        var en = await Export(page, order.OrderId);
        Assert.Equal(("Shipped", "JD.com", "ZTO Express"), (en["Status"], en["Channel"], en["Carrier"]));
        Assert.Equal(order.OrderId, en["Order no."]);
    }

    /// <summary>The order list's Excel download for one order, as the signed-in user gets it, read back as its one row.</summary>
    private async Task<Dictionary<string, string?>> Export(IPage page, string orderId)
    {
        var response = await page.Context.APIRequest.GetAsync($"{_pages.BaseUrl}/app/export/orders.xlsx?q={orderId}");
        Assert.Equal(200, response.Status);
        using var file = new MemoryStream(await response.BodyAsync());
        var row = Assert.Single(MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>());
        return row.ToDictionary(c => c.Key, c => c.Value?.ToString());
    }

    [Fact]
    public async Task The_audit_log_names_actions_and_the_people_behind_ids()
    {
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/settings/audit");
        var grid = page.Locator("#audit-grid");
        await Assertions.Expect(grid).ToContainTextAsync("登录");
        var text = await grid.InnerTextAsync();
        Assert.DoesNotMatch(@"(^|\s)signin(\s|$)", text);
        // A user's id (a GUID) is shown as the person.
        Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", text);
        await Chromium.Screenshot(page, "audit-labels");
    }
}
