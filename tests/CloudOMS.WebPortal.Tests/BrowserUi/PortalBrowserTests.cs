using Microsoft.Playwright;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>Real Chromium against the real portal: sign-in, pages, live dashboard, language, permissions.</summary>
public sealed class PortalBrowserTests(PortalFactory portal, Chromium chromium) : IClassFixture<PortalFactory>, IClassFixture<Chromium>
{
    private readonly PortalPages _pages = new(portal, chromium);
    private string BaseUrl => _pages.BaseUrl;

    [Fact]
    public async Task The_admin_signs_in_sees_every_page_in_chinese_and_the_dashboard_follows_new_orders_live()
    {
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        Assert.Equal("临沂示例商贸", await page.Locator("#company").InnerTextAsync());
        // A new order awaits review: it shows in 待审核, apart from the sales and their order count.
        var pending = page.Locator("#kpi-pending .value");
        await pending.WaitForAsync();
        // Charts draw once the browser has measured them.
        await page.Locator(".rz-chart .rz-tick-text").First.WaitForAsync();
        await Chromium.Screenshot(page, "dashboard");

        var before = int.Parse((await pending.InnerTextAsync()).Split(' ')[0]);
        // A marker in the page's JavaScript state would be gone after a reload.
        await page.EvaluateAsync("window.cloudomsMarker = 42");
        var created = await portal.Api.Post<OrderView>("/api/orders", NewOrder.For(NewOrder.Line("LY-0001", 1)), HttpStatusCode.Created);
        await Assertions.Expect(pending).ToContainTextAsync($"{before + 1} 单 / ¥", new() { Timeout = 15_000 });
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
    public async Task On_a_phone_a_clerk_picks_an_earlier_customer_and_a_sku_by_barcode_and_the_pending_figure_opens_the_orders_awaiting_review()
    {
        var api = portal.Api;
        var (code, barcode, name) = (Unique.Code("PICK"), Unique.Barcode(), "周" + Guid.NewGuid().ToString("N")[..6]);
        await api.Post<SkuView>("/api/skus", new SkuBody(code, "沂蒙煎饼 2斤装", barcode, "袋", 24m, 1m, 0), HttpStatusCode.Created);
        await api.Receive(code, OmsClient.MainWarehouse, 6);
        var earlier = new CustomerBody(name, Unique.Phone(), "山东省", "临沂市", "兰山区解放路 12 号");
        await api.CreateOrder(new OrderBody("manual", null, earlier, [NewOrder.Line("LY-0001", 1)]));
        await api.ReadModelCaughtUp();
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn", new ViewportSize { Width = 390, Height = 844 });
        await _pages.Open(page, "/app/orders/new");

        await page.FillAsync("#order-customer", name[..4]);
        await Assertions.Expect(page.Locator("#order-customer-option-0")).ToContainTextAsync(earlier.Phone!);
        await page.ClickAsync("#order-customer-option-0");
        await Assertions.Expect(page.Locator("#order-phone")).ToHaveValueAsync(earlier.Phone!);
        await Assertions.Expect(page.Locator("#order-address")).ToHaveValueAsync("兰山区解放路 12 号");
        await page.FillAsync("#line-0-sku", barcode[4..]);
        await page.ClickAsync($"#line-0-sku-option-{code}");
        await Assertions.Expect(page.Locator("#line-0-sku-chosen")).ToContainTextAsync("沂蒙煎饼 2斤装");
        await Assertions.Expect(page.Locator("#line-0-available")).ToContainTextAsync("6");
        await Chromium.Screenshot(page, "order-new-pickers-390x844");
        await page.ClickAsync("#save-order");
        await Assertions.Expect(page.Locator("#order-totals")).ToBeVisibleAsync();
        var saved = await api.Order(page.Url.Split('/')[^1]);
        Assert.Equal(earlier, saved.Customer);
        Assert.Equal((code, 24m), (Assert.Single(saved.Lines).SkuCode, saved.Lines[0].UnitPrice));

        await _pages.Open(page, "/app");
        await page.ClickAsync("#kpi-pending-link");
        await page.WaitForURLAsync(BaseUrl + "/app/orders?status=PendingReview&period=7");
        await Assertions.Expect(page.Locator("#orders-grid")).ToContainTextAsync(saved.OrderId);
        await Assertions.Expect(page.Locator("#order-status")).ToContainTextAsync("待审核");
        var statuses = await page.Locator("#orders-grid .rz-data-row td:nth-child(3) .rz-cell-data").AllInnerTextsAsync();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal("待审核", s.Trim()));
    }

    [Fact]
    public async Task The_order_list_remembers_its_filter_after_a_reload_and_exports_what_it_shows_to_excel()
    {
        var created = await portal.Api.Post<OrderView>("/api/orders", NewOrder.For("13600009999", NewOrder.Line("LY-0005", 1)), HttpStatusCode.Created);
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/orders");
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
    public async Task An_admin_creates_an_api_client_whose_secret_is_shown_once_and_works_within_its_permissions()
    {
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/settings/api-clients");
        await page.FillAsync("#client-name", "ERP 对接");
        await page.Locator("#client-permissions").GetByText("查看订单").ClickAsync();
        await page.ClickAsync("#create-client");
        await page.Locator("#client-secret").WaitForAsync();
        var codes = await page.Locator("#client-secret code").AllInnerTextsAsync();
        Assert.Equal(2, codes.Count);
        await Chromium.Screenshot(page, "settings-api-client");

        var api = new OmsClient(await portal.ClientWithToken(codes[0], codes[1]));
        Assert.Equal(HttpStatusCode.OK, (await api.Get("/api/orders?pageSize=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Get("/api/stock")).StatusCode);
        await Assertions.Expect(page.Locator("#clients-grid")).ToContainTextAsync(codes[0]);

        await page.ReloadAsync();
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(0, await page.Locator("#client-secret").CountAsync());
        await _pages.Open(page, "/app/settings/audit");
        await Assertions.Expect(page.Locator("#audit-grid")).ToContainTextAsync("创建接口凭据");
    }

    [Fact]
    public async Task Switching_to_english_changes_the_texts_and_survives_a_reload()
    {
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/orders");
        await Assertions.Expect(page.Locator(".rz-sidebar")).ToContainTextAsync("看板");
        // Radzen's own texts (the pager here) speak the user's language too.
        await Assertions.Expect(page.Locator("#orders-grid .rz-pager")).ToContainTextAsync("条/页");

        await page.ClickAsync("#language");
        await Assertions.Expect(page.Locator(".rz-sidebar")).ToContainTextAsync("Dashboard");
        await Assertions.Expect(page.Locator("#orders-grid .rz-pager")).ToContainTextAsync("items per page");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".rz-sidebar")).ToContainTextAsync("Inventory");
        Assert.Equal("中文", await page.Locator("#language").InnerTextAsync());

        // The choice also lives in the browser's protected storage: with the culture cookie gone, English comes back.
        await page.Context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = ".AspNetCore.Culture" });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".rz-sidebar")).ToContainTextAsync("Inventory");
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == ".AspNetCore.Culture" && Uri.UnescapeDataString(c.Value).Contains("uic=en"));
        Assert.EndsWith("/app/orders", page.Url);
    }

    [Fact]
    public async Task A_sign_out_link_only_asks_and_the_header_button_signs_out()
    {
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");

        await page.GotoAsync(BaseUrl + "/portal/signout");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("退出登录");
        await _pages.Open(page, "/app");
        await Assertions.Expect(page.Locator("#user")).ToContainTextAsync("王经理");

        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync(BaseUrl + "/");
        await page.GotoAsync(BaseUrl + "/app");
        await page.Locator("#email").WaitForAsync();
        Assert.Contains("/account/login", page.Url);
    }

    [Fact]
    public async Task A_warehouse_clerk_sees_no_finance_or_settings_and_a_direct_url_shows_the_403_page()
    {
        var page = await _pages.SignedIn("clerk@demo.cloudoms.cn");
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
