using Microsoft.Playwright;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>Real Chromium against the real portal: sign-in, pages, live dashboard, language, permissions.</summary>
public sealed class PortalBrowserTests(PortalFactory portal, Chromium chromium) : IClassFixture<PortalFactory>, IClassFixture<Chromium>
{
    private string BaseUrl => portal.Api.Http.BaseAddress!.ToString().TrimEnd('/');

    /// <summary>Opens a portal page and waits until it is live (buttons work only then).</summary>
    private async Task Open(IPage page, string path)
    {
        await page.GotoAsync(BaseUrl + path);
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private async Task<IPage> SignedIn(string email, string password = "Demo@2026")
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/app");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/app");
        await page.Locator("#company").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task The_admin_signs_in_sees_every_page_in_chinese_and_the_dashboard_follows_new_orders_live()
    {
        var page = await SignedIn("admin@demo.cloudoms.cn");
        Assert.Equal("临沂示例商贸", await page.Locator("#company").InnerTextAsync());
        var orders = page.Locator("#kpi-orders .value");
        await orders.WaitForAsync();
        // Charts draw once the browser has measured them.
        await page.Locator(".rz-chart .rz-tick-text").First.WaitForAsync();
        await Chromium.Screenshot(page, "dashboard");

        var before = int.Parse(await orders.InnerTextAsync());
        // A marker in the page's JavaScript state would be gone after a reload.
        await page.EvaluateAsync("window.cloudomsMarker = 42");
        var created = await portal.Api.Post<OrderView>("/api/orders", NewOrder.For(NewOrder.Line("LY-0001", 1)), HttpStatusCode.Created);
        await Assertions.Expect(orders).ToHaveTextAsync((before + 1).ToString(), new() { Timeout = 15_000 });
        Assert.Equal(42, await page.EvaluateAsync<int>("window.cloudomsMarker"));

        foreach (var (path, grid, name) in new[] { ("/app/orders", "#orders-grid", "orders"), ("/app/inventory", "#stock-grid", "inventory"),
                     ("/app/finance", "#finance-grid", "finance"), ("/app/settings", "#members-grid", "settings") })
        {
            await page.GotoAsync(BaseUrl + path);
            await page.Locator($"{grid} .rz-data-row").First.WaitForAsync();
            await Chromium.Screenshot(page, name);
        }
        await page.GotoAsync(BaseUrl + "/app/orders");
        await Assertions.Expect(page.Locator("#orders-grid")).ToContainTextAsync(created.OrderId, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#orders-grid")).ToContainTextAsync("待审核");
    }

    [Fact]
    public async Task A_clerk_approves_and_ships_an_order_from_its_page_and_the_public_tracking_page_shows_it_shipped()
    {
        var created = await portal.Api.Post<OrderView>("/api/orders", NewOrder.For("13800005678", NewOrder.Line("LY-0003", 2)), HttpStatusCode.Created);
        var page = await SignedIn("admin@demo.cloudoms.cn");
        await Open(page, "/app/orders/" + created.OrderId);
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("待审核");

        await page.ClickAsync("#action-approve");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("已审核");
        await page.ClickAsync("#action-ship");
        await page.ClickAsync("#ship-confirm");
        await Assertions.Expect(page.Locator("#ship-form")).ToContainTextAsync("请填写运单号");
        await page.FillAsync("#tracking-no", "SF1234567890");
        await page.ClickAsync("#ship-confirm");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("已发货");
        await Assertions.Expect(page.Locator("#order-shipment")).ToContainTextAsync("SF1234567890");
        await Chromium.Screenshot(page, "order-detail");

        var tracking = await chromium.Browser.NewPageAsync();
        await tracking.GotoAsync($"{BaseUrl}/t/demo/track");
        await tracking.FillAsync("#orderNo", created.OrderId);
        await tracking.FillAsync("#phone", "5678");
        await tracking.ClickAsync("button[type=submit]");
        await Assertions.Expect(tracking.Locator("#status")).ToContainTextAsync("已发货");
        await Assertions.Expect(tracking.Locator("#shipment")).ToContainTextAsync("SF1234567890");
        await Chromium.Screenshot(tracking, "tracking");
    }

    /// <summary>Signs a new company up through the page and confirms its email; returns its slug and admin email.</summary>
    private async Task<(string Slug, string Email)> SignUpNewCompany(string company)
    {
        var slug = "co" + Guid.NewGuid().ToString("N")[..8];
        var email = $"{slug}@example.cn";
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/signup");
        await page.FillAsync("#companyName", company);
        await page.FillAsync("#slug", "Bad Slug");
        await page.FillAsync("#contactName", "赵老板");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Wujin2026");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#error-slug")).ToContainTextAsync("公司短名");
        await page.FillAsync("#slug", slug);
        await page.FillAsync("#password", "Wujin2026");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#signed-up")).ToContainTextAsync("14 天试用");
        await Chromium.Screenshot(page, "signup");

        var mail = Directory.GetFiles(Path.Combine(portal.DataDirectory, "mail"), "*.eml").Select(File.ReadAllText).Single(m => m.Contains($"To: {email}"));
        var link = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(mail, "href=\"([^\"]+/account/confirm[^\"]+)\"").Groups[1].Value);
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("邮箱已验证");
        await page.CloseAsync();
        return (slug, email);
    }

    [Fact]
    public async Task A_new_company_signs_up_and_runs_its_first_order_from_stock_to_the_tracking_page()
    {
        var (slug, email) = await SignUpNewCompany("兰山五金批发部");
        var page = await SignedIn(email, "Wujin2026");
        Assert.Equal("兰山五金批发部", await page.Locator("#company").InnerTextAsync());
        var dashboard = await page.Context.NewPageAsync();
        await dashboard.GotoAsync(BaseUrl + "/app");
        await dashboard.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(dashboard.Locator("#kpi-orders .value")).ToHaveTextAsync("0");

        await Open(page, "/app/inventory");
        await page.ClickAsync("#new-warehouse");
        await page.FillAsync("#wh-code", "LS-01");
        await page.FillAsync("#wh-name", "兰山仓");
        await page.FillAsync("#wh-province", "山东省");
        await page.FillAsync("#wh-city", "临沂市");
        await page.FillAsync("#wh-address", "兰山区五金城 1 号");
        await page.ClickAsync("#save-stock-form");
        await Assertions.Expect(page.Locator("#stock-form")).ToHaveCountAsync(0);
        await page.ClickAsync("#new-sku");
        await page.ClickAsync("#save-stock-form");
        await Assertions.Expect(page.Locator("#error-name")).ToBeVisibleAsync();
        await page.FillAsync("#sku-code", "WJ-001");
        await page.FillAsync("#sku-name", "羊角锤 0.5kg");
        await page.FillAsync("#sku-unit", "把");
        await page.FillAsync("#sku-price input", "25");
        await page.ClickAsync("#save-stock-form");
        await Assertions.Expect(page.Locator("#stock-form")).ToHaveCountAsync(0);
        await page.ClickAsync("#receive");
        await page.FillAsync("#receive-sku", "WJ-001");
        await page.FillAsync("#receive-quantity input", "10");
        await page.ClickAsync("#save-stock-form");
        await Assertions.Expect(page.Locator("#stock-form")).ToHaveCountAsync(0);

        await Open(page, "/app/orders");
        await page.ClickAsync("#new-order");
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.FillAsync("#order-customer", "孙师傅");
        await page.FillAsync("#order-phone", "13700001234");
        await page.FillAsync("#order-province", "山东省");
        await page.FillAsync("#order-city", "临沂市");
        await page.FillAsync("#order-address", "河东区凤凰大街 9 号");
        await page.FillAsync("#line-0-sku", "WJ-001");
        await page.PressAsync("#line-0-sku", "Tab");
        await Assertions.Expect(page.Locator("#line-0-available")).ToContainTextAsync("10");
        await page.FillAsync("#line-0-quantity input", "3");
        await page.PressAsync("#line-0-quantity input", "Tab");
        await page.ClickAsync("#save-order");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("待审核");
        var orderNo = (await page.Locator("h4, .rz-text-h4").First.InnerTextAsync()).Trim();

        await page.ClickAsync("#action-approve");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("已审核");
        await page.ClickAsync("#action-ship");
        await page.FillAsync("#tracking-no", "ZTO778899");
        await page.ClickAsync("#ship-confirm");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("已发货");

        await Assertions.Expect(dashboard.Locator("#kpi-orders .value")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await Assertions.Expect(dashboard.Locator("#kpi-sales .value")).ToHaveTextAsync("¥75.00");

        var tracking = await chromium.Browser.NewPageAsync();
        await tracking.GotoAsync($"{BaseUrl}/t/{slug}/track?orderNo={orderNo}&phone=1234");
        await Assertions.Expect(tracking.Locator("#status")).ToContainTextAsync("已发货");
        await Assertions.Expect(tracking.Locator("#shipment")).ToContainTextAsync("ZTO778899");
    }

    [Fact]
    public async Task The_order_list_remembers_its_filter_after_a_reload_and_exports_what_it_shows_to_excel()
    {
        var created = await portal.Api.Post<OrderView>("/api/orders", NewOrder.For("13600009999", NewOrder.Line("LY-0005", 1)), HttpStatusCode.Created);
        var page = await SignedIn("admin@demo.cloudoms.cn");
        await Open(page, "/app/orders");
        await page.FillAsync("#order-search", created.OrderId);
        await page.PressAsync("#order-search", "Enter");
        await Assertions.Expect(page.Locator("#orders-grid .rz-data-row")).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("#order-search")).ToHaveValueAsync(created.OrderId);
        await Assertions.Expect(page.Locator("#orders-grid .rz-data-row")).ToHaveCountAsync(1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-orders"));
        var file = Path.Combine(Chromium.ScreenshotDirectory, "..", "orders-export.xlsx");
        await download.SaveAsAsync(file);
        var rows = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(created.OrderId, row["订单号"]);
        Assert.Equal("待审核", row["状态"]);
        Assert.Equal("13600009999", row["电话"]?.ToString());
    }

    [Fact]
    public async Task Stock_is_adjusted_with_a_reason_and_transferred_between_warehouses_from_the_inventory_page()
    {
        var before = await portal.Api.Get<List<StockLevelView>>("/api/stock/LY-0012");
        int OnHand(List<StockLevelView> levels, string warehouse) => levels.SingleOrDefault(l => l.Warehouse == warehouse)?.OnHand ?? 0;
        var page = await SignedIn("admin@demo.cloudoms.cn");
        await Open(page, "/app/inventory");

        await page.ClickAsync("#adjust");
        await page.FillAsync("#receive-sku", "LY-0012");
        await page.FillAsync("#receive-quantity input", "-2");
        await page.ClickAsync("#save-stock-form");
        await Assertions.Expect(page.Locator("#error-reason")).ToContainTextAsync("请填写备注/原因");
        await page.FillAsync("#receive-reason", "破损报废");
        await page.ClickAsync("#save-stock-form");
        await Assertions.Expect(page.Locator("#stock-form")).ToHaveCountAsync(0);

        await page.ClickAsync("#transfer");
        await page.FillAsync("#receive-sku", "LY-0012");
        await page.FillAsync("#receive-quantity input", "3");
        await page.ClickAsync("#transfer-to");
        await page.Locator(".rz-popup:visible .rz-dropdown-item", new() { HasText = "JN-01" }).ClickAsync();
        await page.ClickAsync("#save-stock-form");
        await Assertions.Expect(page.Locator("#stock-form")).ToHaveCountAsync(0);

        var after = await portal.Api.Get<List<StockLevelView>>("/api/stock/LY-0012");
        Assert.Equal(OnHand(before, "LY-MAIN") - 5, OnHand(after, "LY-MAIN"));
        Assert.Equal(OnHand(before, "JN-01") + 3, OnHand(after, "JN-01"));
    }

    [Fact]
    public async Task Switching_to_english_changes_the_texts_and_survives_a_reload()
    {
        var page = await SignedIn("admin@demo.cloudoms.cn");
        await Assertions.Expect(page.Locator("nav, .rz-sidebar")).ToContainTextAsync("看板");

        await page.ClickAsync("#language");
        await Assertions.Expect(page.Locator(".rz-sidebar")).ToContainTextAsync("Dashboard");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".rz-sidebar")).ToContainTextAsync("Inventory");
        Assert.Equal("中文", await page.Locator("#language").InnerTextAsync());
    }

    [Fact]
    public async Task A_warehouse_clerk_sees_no_finance_or_settings_and_a_direct_url_shows_the_403_page()
    {
        var page = await SignedIn("clerk@demo.cloudoms.cn");
        var menu = page.Locator(".rz-sidebar");
        await Assertions.Expect(menu).ToContainTextAsync("库存");
        await Assertions.Expect(menu).Not.ToContainTextAsync("财务");
        await Assertions.Expect(menu).Not.ToContainTextAsync("设置");

        await page.GotoAsync(BaseUrl + "/app/settings");
        await Assertions.Expect(page.Locator("#forbidden")).ToContainTextAsync("403");
        await Chromium.Screenshot(page, "forbidden");
        Assert.Equal(0, await page.Locator("#members-grid").CountAsync());
    }
}
