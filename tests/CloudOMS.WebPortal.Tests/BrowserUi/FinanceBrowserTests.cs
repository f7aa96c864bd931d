using System.Globalization;
using Microsoft.Playwright;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>财务: order numbers open the order, a totals row, and an Excel export of what is on screen.</summary>
[Collection(OrdersPortal.Name)]
public sealed class FinanceBrowserTests(PortalFactory portal, Chromium chromium) : IClassFixture<Chromium>
{
    private readonly PortalPages _pages = new(portal, chromium);

    [Fact]
    public async Task Finance_links_each_order_totals_what_it_shows_and_exports_the_same_to_excel()
    {
        var order = await portal.Api.Post<OrderView>("/api/orders", NewOrder.For(NewOrder.Line("LY-0001", 3, 20m)), HttpStatusCode.Created);
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/finance");
        await page.Locator("#finance-period").GetByText("近 7 天").ClickAsync();
        await Assertions.Expect(page.Locator("#finance-grid")).ToContainTextAsync(order.OrderId);
        var total = decimal.Parse(await page.Locator("#finance-total").InnerTextAsync(), NumberStyles.Number, CultureInfo.InvariantCulture);
        var paid = decimal.Parse(await page.Locator("#finance-paid").InnerTextAsync(), NumberStyles.Number, CultureInfo.InvariantCulture);
        var unpaid = decimal.Parse(await page.Locator("#finance-unpaid").InnerTextAsync(), NumberStyles.Number, CultureInfo.InvariantCulture);
        Assert.True(total >= 60m);
        Assert.Equal(total - paid, unpaid);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-finance"));
        var file = Path.Combine(Chromium.ScreenshotDirectory, "..", "finance-export.xlsx");
        await download.SaveAsAsync(file);
        var rows = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => Equals(r["订单号"], order.OrderId) && Convert.ToDecimal(r["金额"], CultureInfo.InvariantCulture) == 60m);
        var totals = rows[^1];
        Assert.Equal("合计", totals["订单号"]);
        Assert.Equal(total, Convert.ToDecimal(totals["金额"], CultureInfo.InvariantCulture));
        Assert.Equal(unpaid, Convert.ToDecimal(totals["未收"], CultureInfo.InvariantCulture));

        await page.Locator("#finance-grid").GetByRole(AriaRole.Link, new() { Name = order.OrderId }).ClickAsync();
        await page.WaitForURLAsync($"{_pages.BaseUrl}/app/orders/{order.OrderId}");
        await Chromium.Screenshot(page, "finance-order");
    }
}
