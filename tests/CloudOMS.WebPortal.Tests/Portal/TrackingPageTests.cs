namespace CloudOMS.WebPortal.Tests.Portal;

/// <summary>The public tracking page shows a shipped order to whoever has its number and phone, and nothing else.</summary>
[Collection(StockPortal.Name)]
public sealed class TrackingPageTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task Order_number_and_the_phone_digits_show_status_carrier_tracking_and_timeline_without_sign_in()
    {
        var phone = "13912345678";
        var order = await _api.CreateOrder(NewOrder.For(phone, NewOrder.Line("LY-0002", 1)));
        await _api.Act(order.OrderId, "approve");
        var tracking = "SF" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await _api.Act(order.OrderId, "ship", new { carrier = "SF", trackingNo = tracking });
        using var anonymous = portal.CreateClient();

        var page = await anonymous.GetAsync($"/t/demo/track?orderNo={order.OrderId}&phone=5678");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("已发货", html);
        Assert.Contains(tracking, html);
        Assert.Contains("顺丰速运", html);
        Assert.Contains("已审核", html);
        Assert.DoesNotContain("测试客户", html);
        Assert.DoesNotContain("通达路", html);
        Assert.DoesNotContain(phone, html);
    }

    [Theory]
    [InlineData("0000")]
    [InlineData("56789")]
    public async Task A_wrong_phone_reveals_nothing(string digits)
    {
        var order = await _api.CreateOrder(NewOrder.For("13912345678", NewOrder.Line("LY-0002", 1)));
        using var anonymous = portal.CreateClient();

        var page = await anonymous.GetAsync($"/t/demo/track?orderNo={order.OrderId}&phone={digits}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("待审核", html);
        Assert.DoesNotContain("id=\"status\"", html);
    }

    [Fact]
    public async Task An_unknown_company_or_order_gets_the_same_answer_as_a_wrong_phone()
    {
        using var anonymous = portal.CreateClient();
        var unknownCompany = await anonymous.GetAsync("/t/no-such-company/track?orderNo=SO1&phone=1234");
        var unknownOrder = await anonymous.GetAsync("/t/demo/track?orderNo=SO1&phone=1234");
        Assert.Equal(HttpStatusCode.NotFound, unknownCompany.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownOrder.StatusCode);
        Assert.Equal(await Strip(unknownCompany), await Strip(unknownOrder));
    }

    private static async Task<string> Strip(HttpResponseMessage response) =>
        (await response.Content.ReadAsStringAsync()).Replace("no-such-company", "").Replace("demo", "");
}
