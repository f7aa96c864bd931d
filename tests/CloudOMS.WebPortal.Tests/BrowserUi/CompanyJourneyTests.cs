using Microsoft.Playwright;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>A company's daily work in real Chromium: sign-up, stock, orders from creation to the tracking page.</summary>
public sealed class CompanyJourneyTests(PortalFactory portal, Chromium chromium) : IClassFixture<PortalFactory>, IClassFixture<Chromium>
{
    private readonly PortalPages _pages = new(portal, chromium);
    private string BaseUrl => _pages.BaseUrl;

    [Fact]
    public async Task A_new_company_signs_up_and_runs_its_first_order_from_stock_to_the_tracking_page()
    {
        var (slug, email) = await _pages.SignUpNewCompany("兰山五金批发部");
        var page = await _pages.SignedIn(email, "Wujin2026");
        Assert.Equal("兰山五金批发部", await page.Locator("#company").InnerTextAsync());
        var dashboard = await page.Context.NewPageAsync();
        await dashboard.GotoAsync(BaseUrl + "/app");
        await dashboard.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        // No orders yet: the dashboard says so and offers a new order instead of a row of zeros.
        await Assertions.Expect(dashboard.Locator("#no-orders")).ToContainTextAsync("还没有订单");
        await Assertions.Expect(dashboard.Locator("#kpi-orders")).ToHaveCountAsync(0);

        await _pages.Open(page, "/app/inventory");
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
        // The next new SKU starts clean: nothing of the last one (its barcode least of all) is carried over.
        await page.ClickAsync("#new-sku");
        foreach (var field in new[] { "#sku-code", "#sku-name", "#sku-barcode", "#sku-unit" })
            await Assertions.Expect(page.Locator(field)).ToHaveValueAsync("");
        await page.ClickAsync("#receive");
        await page.FillAsync("#receive-sku", "WJ-001");
        await page.FillAsync("#receive-quantity input", "10");
        await page.ClickAsync("#save-stock-form");
        await Assertions.Expect(page.Locator("#stock-form")).ToHaveCountAsync(0);

        await _pages.Open(page, "/app/orders");
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

        // The customer's tracking page, opened from the order (its link is what the owner sends the customer).
        var tracking = await page.RunAndWaitForPopupAsync(() => page.ClickAsync("#order-tracking-link"));
        await Assertions.Expect(tracking.Locator("#orderNo")).ToHaveValueAsync(orderNo);
        await tracking.FillAsync("#phone", "1234");
        await tracking.ClickAsync("button[type=submit]");
        await Assertions.Expect(tracking.Locator("h1")).ToContainTextAsync("兰山五金批发部");
        await Assertions.Expect(tracking.Locator("#status")).ToContainTextAsync("已发货");
        await Assertions.Expect(tracking.Locator("#shipment")).ToContainTextAsync("ZTO778899");
        Assert.Contains($"/t/{slug}/track", tracking.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Holding_and_cancelling_an_order_ask_for_a_reason_and_the_order_log_keeps_it()
    {
        var created = await portal.Api.Post<OrderView>("/api/orders", NewOrder.For("13800004321", NewOrder.Line("LY-0004", 1)), HttpStatusCode.Created);
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/orders/" + created.OrderId);

        // One click only asks; without a reason nothing happens.
        await page.ClickAsync("#action-hold");
        await Assertions.Expect(page.Locator("#reason-form")).ToBeVisibleAsync();
        await page.ClickAsync("#reason-confirm");
        await Assertions.Expect(page.Locator("#reason-error")).ToContainTextAsync("请填写原因");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("待审核");
        await page.FillAsync("#action-reason", "等顾客确认地址");
        await page.ClickAsync("#reason-confirm");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("挂起");
        await Assertions.Expect(page.Locator("#reason-form")).ToHaveCountAsync(0);

        await page.ClickAsync("#action-releasehold");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("待审核");
        await page.ClickAsync("#action-cancel");
        await page.ClickAsync("#reason-back");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("待审核");
        await page.ClickAsync("#action-cancel");
        await page.FillAsync("#action-reason", "顾客不要了");
        await page.ClickAsync("#reason-confirm");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("已取消");

        var order = await portal.Api.Get<OrderView>("/api/orders/" + created.OrderId);
        Assert.Contains(order.Timeline, t => t.Event == "held" && t.Detail == "等顾客确认地址");
        Assert.Contains(order.Timeline, t => t.Event == "cancelled" && t.Detail == "顾客不要了");
    }

    [Fact]
    public async Task A_clerk_approves_and_ships_an_order_from_its_page_and_the_public_tracking_page_shows_it_shipped()
    {
        var created = await portal.Api.Post<OrderView>("/api/orders", NewOrder.For("13800005678", NewOrder.Line("LY-0003", 2)), HttpStatusCode.Created);
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/orders/" + created.OrderId);
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
        await page.FillAsync("#payment-amount input", "100");
        await page.ClickAsync("#record-payment");
        await Assertions.Expect(page.Locator("#error-amount")).ToContainTextAsync("不超过未收金额 20.00");
        await page.FillAsync("#payment-amount input", "5");
        await page.FillAsync("#payment-reference", "BANK-0001");
        await page.ClickAsync("#record-payment");
        await Assertions.Expect(page.Locator("#payment-status")).ToHaveTextAsync("部分付款");
        await Assertions.Expect(page.Locator("#order-payments")).ToContainTextAsync("BANK-0001");
        await Chromium.Screenshot(page, "order-detail");

        var tracking = await chromium.NewPage();
        await tracking.GotoAsync($"{BaseUrl}/t/demo/track");
        await tracking.FillAsync("#orderNo", created.OrderId);
        await tracking.FillAsync("#phone", "5678");
        await tracking.ClickAsync("button[type=submit]");
        await Assertions.Expect(tracking.Locator("#status")).ToContainTextAsync("已发货");
        await Assertions.Expect(tracking.Locator("#shipment")).ToContainTextAsync("SF1234567890");
        await Chromium.Screenshot(tracking, "tracking");
    }

    [Fact]
    public async Task Stock_is_adjusted_with_a_reason_and_transferred_between_warehouses_from_the_inventory_page()
    {
        var before = await portal.Api.Get<List<StockLevelView>>("/api/stock/LY-0012");
        int OnHand(List<StockLevelView> levels, string warehouse) => levels.SingleOrDefault(l => l.Warehouse == warehouse)?.OnHand ?? 0;
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/inventory");

        await page.ClickAsync("#adjust");
        await page.FillAsync("#receive-sku", "LY-0012");
        await page.FillAsync("#receive-quantity input", "-2");
        await page.ClickAsync("#save-stock-form");
        await Assertions.Expect(page.Locator("#error-reason")).ToContainTextAsync("请填写备注/原因");
        await page.FillAsync("#receive-reason", "破损报废");
        await page.ClickAsync("#save-stock-form");
        await Assertions.Expect(page.Locator("#stock-form")).ToHaveCountAsync(0);

        await page.ClickAsync("#transfer");
        // The adjustment's reason does not follow into the transfer.
        await Assertions.Expect(page.Locator("#receive-reason")).ToHaveValueAsync("");
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
    public async Task An_admin_invites_a_finance_clerk_who_joins_by_the_emailed_link_and_sees_finance_but_not_settings()
    {
        var (_, adminEmail) = await _pages.SignUpNewCompany("河东日杂批发");
        var page = await _pages.SignedIn(adminEmail, "Wujin2026");
        await _pages.Open(page, "/app/settings");
        var clerk = $"finance-{Guid.NewGuid():N}"[..16] + "@example.cn";
        await page.FillAsync("#invite-email", clerk);
        await page.ClickAsync("#invite-role");
        await page.Locator(".rz-popup:visible .rz-dropdown-item", new() { HasText = "财务" }).ClickAsync();
        // The choice is on the server once the dropdown shows it (the page renders there).
        await Assertions.Expect(page.Locator("div#invite-role")).ToContainTextAsync("财务");
        await page.ClickAsync("#invite");
        await Assertions.Expect(page.Locator("#invited")).ToContainTextAsync(clerk);

        var link = _pages.LinkFromMail(clerk, "/account/invite");
        var invited = await chromium.NewPage();
        await invited.GotoAsync(link);
        await invited.FillAsync("#name", "钱会计");
        await invited.FillAsync("#password", "Caiwu2026");
        await invited.ClickAsync("button[type=submit]");
        await Assertions.Expect(invited.Locator("h1")).ToContainTextAsync("已加入");

        var finance = await _pages.SignedIn(clerk, "Caiwu2026");
        var menu = finance.Locator(".rz-sidebar");
        await Assertions.Expect(menu).ToContainTextAsync("财务");
        await Assertions.Expect(menu).Not.ToContainTextAsync("设置");
        Assert.Equal("河东日杂批发", await finance.Locator("#company").InnerTextAsync());
    }

    [Fact]
    public async Task A_person_in_two_companies_chooses_one_at_sign_in_and_switches_to_the_other_without_a_password()
    {
        var (slug, email) = await _pages.SignUpNewCompany("罗庄建材商行");
        var sales = (await portal.Api.Get<List<RoleView>>("/api/roles")).Single(r => r.Name == "销售");
        await portal.Api.Post<System.Text.Json.JsonElement>("/api/users/invitations", new { email, roleIds = new[] { sales.Id } }, HttpStatusCode.Created);
        var invited = await chromium.NewPage();
        await invited.GotoAsync(_pages.LinkFromMail(email, "/account/invite"));
        await invited.FillAsync("#name", "孙经理");
        await invited.FillAsync("#password", "Wujin2026");
        await invited.ClickAsync("button[type=submit]");
        await Assertions.Expect(invited.Locator("h1")).ToContainTextAsync("已加入");

        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/app");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Wujin2026");
        await page.ClickAsync("button[type=submit]");
        await page.SelectOptionAsync("#tenant", slug);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#company")).ToHaveTextAsync("罗庄建材商行");
        await Assertions.Expect(page.Locator(".rz-sidebar")).ToContainTextAsync("设置");
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.ClickAsync("#switch-company");
        await page.SelectOptionAsync("#tenant", "demo");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/app");
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("#company")).ToHaveTextAsync("临沂示例商贸");
        // In the demo company the same person is only 销售: orders, no settings, and the demo's data.
        var menu = page.Locator(".rz-sidebar");
        await Assertions.Expect(menu).ToContainTextAsync("订单");
        await Assertions.Expect(menu).Not.ToContainTextAsync("设置");
        await _pages.Open(page, "/app/orders");
        await Assertions.Expect(page.Locator("#orders-grid .rz-data-row").First).ToBeVisibleAsync();
        await _pages.Open(page, "/app/settings");
        await Assertions.Expect(page.Locator("#forbidden")).ToBeVisibleAsync();
    }
}
