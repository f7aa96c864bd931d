using Microsoft.Playwright;
using System.Text.Json;
using Xunit.Abstractions;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>
/// The portal on a phone (390x844) and on a small laptop (1366x768), measured in Chromium: no page wider than the
/// window, no table column narrower than its text, the header one line with a menu button on the phone, order
/// lines' quantity and price within reach. Screenshots of every page at both sizes go to the test output.
/// </summary>
[Collection(OrdersPortal.Name)]
public sealed class PhoneLayoutTests(PortalFactory portal, Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    private readonly PortalPages _pages = new(portal, chromium);

    // What the eye would call cut off: text in a grid cell or header wider than its cell (hidden or ending in "..."),
    // a grid that scrolls sideways, a page wider than the window.
    private const string Measure = """
        () => {
          const visible = e => e.offsetParent !== null && e.getClientRects().length > 0;
          const name = e => (e.closest('[id]') || {}).id || '?';
          // The text's own box (a range over it), against its cell and its grid's visible box.
          const outside = e => {
            const range = document.createRange();
            range.selectNodeContents(e);
            const text = range.getBoundingClientRect();
            const cell = e.closest('td, th').getBoundingClientRect();
            const grid = e.closest('.rz-data-grid-data').getBoundingClientRect();
            return text.width > 0 && (text.left < Math.max(cell.left, grid.left) - 1 || text.right > Math.min(cell.right, grid.right) + 1);
          };
          const cut = [...document.querySelectorAll('.rz-grid-table td .rz-cell-data, .rz-grid-table thead th .rz-column-title-content')]
            .filter(e => visible(e) && e.textContent.trim() !== '' && (e.scrollWidth > e.clientWidth + 1 || outside(e)))
            .map(e => name(e) + ': ' + e.textContent.trim());
          const sideways = [...document.querySelectorAll('.rz-data-grid-data')]
            .filter(g => visible(g) && g.scrollWidth > g.clientWidth + 1).map(name);
          const body = document.querySelector('.rz-body');
          const header = document.querySelector('.rz-header');
          return JSON.stringify({ cut, sideways, viewport: window.innerWidth,
                   page: Math.max(document.documentElement.scrollWidth, body ? body.scrollWidth : 0),
                   header: header ? header.getBoundingClientRect().height : 0 });
        }
        """;

    // Columns that step back on a laptop do so once the browser has told the page its width: measure until it holds.
    private static async Task<Layout> Settled(IPage page)
    {
        for (var attempt = 0; ; attempt++)
        {
            var layout = JsonSerializer.Deserialize<Layout>(await page.EvaluateAsync<string>(Measure), Json)!;
            if (layout is { Cut.Length: 0, Sideways.Length: 0 } || attempt == 20) return layout;
            await page.WaitForTimeoutAsync(250);
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Layout(string[] Cut, string[] Sideways, int Viewport, int Page, double Header);

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task Every_main_page_fits_the_window_with_no_column_narrower_than_its_text(int width, int height)
    {
        // An order with a long name and address, shipped so that every column of the list has something to show.
        var order = await portal.Api.Post<OrderView>("/api/orders", NewOrder.For(NewOrder.Line("LY-0002", 2, 1234.50m), NewOrder.Line("LY-0003", 1)) with
        {
            Customer = NewOrder.Customer() with { Name = "欧阳建国", Address = "兰山区通达路 168 号临沂商城国际物流园 B 区 12 栋 3 单元" },
            ShippingFee = 12m,
        }, HttpStatusCode.Created);
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn", new ViewportSize { Width = width, Height = height });
        var phone = width < 768;
        var size = $"{width}x{height}";
        var faults = new List<string>();

        foreach (var (path, ready) in new[]
                 {
                     ("/app", "#kpi-orders .value"), ("/app/orders", "#orders-grid .rz-data-row"), ($"/app/orders/{order.OrderId}", "#order-lines .rz-data-row"),
                     ("/app/orders/new", "#line-0-price"), ("/app/inventory", "#stock-grid .rz-data-row"), ("/app/inventory/skus", "#skus-grid .rz-data-row"),
                     ("/app/inventory/movements", "#movements-grid .rz-data-row"), ("/app/finance", "#finance-grid .rz-data-row"),
                     ("/app/settings/users", "#members-grid .rz-data-row"), ("/app/settings/audit", "#audit-grid .rz-data-row"),
                 })
        {
            await _pages.Open(page, path);
            await page.Locator(ready).First.WaitForAsync();
            var shot = $"layout-{size}{path.Replace('/', '-')}".Replace(order.OrderId, "order");
            await Chromium.Screenshot(page, shot);
            output.WriteLine(Path.Combine(Chromium.ScreenshotDirectory, shot + ".png"));

            var layout = await Settled(page);
            if (layout.Cut.Length > 0) faults.Add($"{path}: cut off: {string.Join(" | ", layout.Cut)}");
            if (layout.Sideways.Length > 0) faults.Add($"{path}: scrolls sideways: {string.Join(", ", layout.Sideways)}");
            if (layout.Page > layout.Viewport) faults.Add($"{path}: page {layout.Page} px wide in a {layout.Viewport} px window");
            // One line of header: the company, the menu button (phone) or the account links (wider).
            if (layout.Header > 64) faults.Add($"{path}: header {layout.Header} px high");
            if (phone) await Assertions.Expect(page.Locator("#phone-menu")).ToBeVisibleAsync();
            else await Assertions.Expect(page.Locator("#sign-out")).ToBeVisibleAsync();
        }

        Assert.True(faults.Count == 0, $"at {size}:\n" + string.Join("\n", faults));

        // The new-order form's quantity and price are within the window, without scrolling the page sideways.
        await _pages.Open(page, "/app/orders/new");
        foreach (var field in new[] { "#line-0-sku", "#line-0-quantity", "#line-0-price" })
        {
            var box = await page.Locator(field).BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width, $"{field} at {size}: {box?.X}+{box?.Width}");
        }
        if (!phone) return;

        // On the phone the menu button opens the navigation and the account links as a panel; picking a page closes it.
        await Assertions.Expect(page.Locator("#sign-out")).ToBeHiddenAsync();
        await page.ClickAsync("#phone-menu");
        await Assertions.Expect(page.Locator("#sign-out")).ToBeVisibleAsync();
        await Chromium.Screenshot(page, $"layout-{size}-menu");
        await page.Locator(".rz-sidebar").GetByText("财务").ClickAsync();
        await page.WaitForURLAsync(_pages.BaseUrl + "/app/finance");
        await Assertions.Expect(page.Locator("#sign-out")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_new_order_form_takes_the_platform_order_number_remark_freight_and_discount_and_the_order_shows_its_totals()
    {
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn", new ViewportSize { Width = 390, Height = 844 });
        await _pages.Open(page, "/app/orders/new");
        var external = "TB" + Unique.Phone();
        await page.FillAsync("#order-external-no", external);
        await page.FillAsync("#order-customer", "孙丽");
        await page.FillAsync("#order-phone", Unique.Phone());
        await page.FillAsync("#order-province", "山东省");
        await page.FillAsync("#order-city", "临沂市");
        await page.FillAsync("#order-address", "罗庄区沂河路 9 号");
        await page.FillAsync("#line-0-sku", "LY-0004");
        await page.FillAsync("#line-0-quantity input", "2");
        // The SKU's stock and price come in first (its price fills the line); the owner's price replaces it.
        await Assertions.Expect(page.Locator("#line-0-available")).Not.ToContainTextAsync("—");
        await page.FillAsync("#line-0-price input", "50");
        await page.FillAsync("#order-freight input", "8");
        await page.FillAsync("#order-discount input", "150");
        await page.FillAsync("#order-note", "周六前送到");
        await page.ClickAsync("#save-order");
        // A discount above the goods (2 x 50) is refused before anything is saved.
        await Assertions.Expect(page.Locator("#save-order")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("也不能超过商品金额")).ToBeVisibleAsync();

        await page.FillAsync("#order-discount input", "15.5");
        await page.ClickAsync("#save-order");
        await Assertions.Expect(page.Locator("#order-totals")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#total-goods")).ToHaveTextAsync("¥100.00");
        await Assertions.Expect(page.Locator("#total-discount")).ToHaveTextAsync("-¥15.50");
        await Assertions.Expect(page.Locator("#total-freight")).ToHaveTextAsync("¥8.00");
        await Assertions.Expect(page.Locator("#total-order")).ToHaveTextAsync("¥92.50");
        await Assertions.Expect(page.Locator("#order-external-no")).ToContainTextAsync(external);
        await Assertions.Expect(page.Locator("#order-note")).ToContainTextAsync("周六前送到");
        // Not yet approved: the warehouse is chosen on approval, and the page says so.
        await Assertions.Expect(page.Locator("#order-warehouse")).ToHaveTextAsync("审核后分配");
        await Chromium.Screenshot(page, "layout-390x844-order-totals");
    }
}
