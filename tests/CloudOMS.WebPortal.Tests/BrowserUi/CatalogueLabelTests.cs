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
        await Chromium.Screenshot(page, "order-log-labels");
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
