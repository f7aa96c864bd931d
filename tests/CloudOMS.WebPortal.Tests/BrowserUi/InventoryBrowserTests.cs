using Microsoft.Playwright;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>The Inventory area in real Chromium: warehouse and SKU management, read back through the API.</summary>
public sealed class InventoryBrowserTests(PortalFactory portal, Chromium chromium) : IClassFixture<PortalFactory>, IClassFixture<Chromium>
{
    private readonly PortalPages _pages = new(portal, chromium);
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task The_admin_edits_a_warehouse_name_and_priority_and_deactivates_it_after_a_warning()
    {
        var code = await _api.CreateWarehouse(priority: 650);
        await Eventually.Until(() => _api.Get<List<WarehouseView>>("/api/warehouses"), l => l.Any(w => w.Code == code));
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/inventory/warehouses");
        var grid = page.Locator("#warehouses-grid");
        await Assertions.Expect(grid).ToContainTextAsync(code);

        await page.ClickAsync($"#edit-warehouse-{code}");
        await page.FillAsync("#wh-edit-name", "");
        await page.ClickAsync("#save-warehouse-edit");
        await Assertions.Expect(page.Locator("#error-name")).ToContainTextAsync("请填写仓库名称");
        await page.FillAsync("#wh-edit-name", "河东分拨仓");
        await page.FillAsync("#wh-edit-priority input", "4");
        await page.PressAsync("#wh-edit-priority input", "Tab");
        await page.ClickAsync("#save-warehouse-edit");
        await Assertions.Expect(page.Locator("#warehouse-edit-form")).ToHaveCountAsync(0);
        await Assertions.Expect(grid).ToContainTextAsync("河东分拨仓");
        await Chromium.Screenshot(page, "inventory-warehouses");

        var edited = await _api.Get<WarehouseView>($"/api/warehouses/{code}");
        Assert.Equal(("河东分拨仓", 4, "兰山区测试路 1 号", true), (edited.Name, edited.Priority, edited.Address, edited.Active));

        await page.ClickAsync($"#toggle-warehouse-{code}");
        await Assertions.Expect(page.Locator(".rz-dialog")).ToContainTextAsync("新订单不再分配到仓库");
        await Assertions.Expect(page.Locator(".rz-dialog")).ToContainTextAsync($"{code}（河东分拨仓）");
        await page.Locator(".rz-dialog button", new() { HasText = "确定" }).ClickAsync();
        await Assertions.Expect(page.Locator(".rz-dialog #error-reason")).ToContainTextAsync("请填写停用原因");
        Assert.True((await _api.Get<WarehouseView>($"/api/warehouses/{code}")).Active);
        await page.FillAsync("#dialog-reason", "租约到期，货已转到兰山仓");
        await DialogScreenshot(page, "inventory-warehouse-deactivate");
        await page.Locator(".rz-dialog button", new() { HasText = "确定" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#warehouses-grid .rz-data-row:has(#toggle-warehouse-{code})")).ToContainTextAsync("已停用");
        Assert.False((await _api.Get<WarehouseView>($"/api/warehouses/{code}")).Active);

        // A colleague later finds who closed it and why in the audit log.
        await _pages.Open(page, "/app/settings/audit");
        var entry = page.Locator("#audit-grid .rz-data-row", new() { HasText = code });
        await Assertions.Expect(entry.First).ToContainTextAsync("停用仓库");
        await Assertions.Expect(entry.First).ToContainTextAsync("租约到期，货已转到兰山仓");
    }

    [Fact]
    public async Task A_sku_deactivated_in_the_portal_leaves_the_new_order_form_and_the_api_refuses_orders_for_it_until_reactivated()
    {
        // Two SKUs share a word: the one still active shows that the picker has answered when the other is missing.
        var word = "停用测试" + Guid.NewGuid().ToString("N")[..6];
        var (code, sibling) = (Unique.Code("SKU"), Unique.Code("SKU"));
        await _api.Post<SkuView>("/api/skus", new SkuBody(code, $"{word} 甲", null, "个", 10m, 0.5m, 0), HttpStatusCode.Created);
        await _api.Post<SkuView>("/api/skus", new SkuBody(sibling, $"{word} 乙", null, "个", 10m, 0.5m, 0), HttpStatusCode.Created);
        await _api.Receive(code, OmsClient.MainWarehouse, 5);
        await Eventually.Until(() => _api.Get<PageView<SkuRowView>>($"/api/skus?search={word}"), p => p.Total == 2);
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        var offered = page.Locator($"#line-0-sku-option-{code}");
        await OfferedFor(page, word, sibling);
        await Assertions.Expect(offered).ToHaveCountAsync(1);

        await SetActive(page, code, active: false);
        await OmsClient.FieldError(await _api.Post("/api/orders", NewOrder.For(NewOrder.Line(code, 1))), "lines[0].skuCode");
        await Eventually.Until(() => _api.Get<PageView<SkuRowView>>($"/api/skus?search={code}&active=false"), p => p.Total == 1);
        await OfferedFor(page, word, sibling);
        await Assertions.Expect(offered).ToHaveCountAsync(0);
        await page.FillAsync("#line-0-sku", code);
        await page.PressAsync("#line-0-sku", "Tab");
        await Assertions.Expect(page.Locator("#line-0-inactive")).ToContainTextAsync("已停用");

        await _pages.Open(page, $"/app/inventory/skus/{code}");
        await Assertions.Expect(page.Locator("#sku-deactivated")).ToContainTextAsync("原因：厂家停产");

        await SetActive(page, code, active: true);
        Assert.Equal("PendingReview", (await _api.CreateOrder(NewOrder.For(NewOrder.Line(code, 1)))).Status);
        await Eventually.Until(() => _api.Get<PageView<SkuRowView>>($"/api/skus?search={code}&active=true"), p => p.Total == 1);
        await OfferedFor(page, word, sibling);
        await Assertions.Expect(offered).ToHaveCountAsync(1);
    }

    /// <summary>Opens the new-order form and types <paramref name="word"/> as the line's SKU, until <paramref name="sibling"/> is offered.</summary>
    private async Task OfferedFor(IPage page, string word, string sibling)
    {
        await _pages.Open(page, "/app/orders/new");
        await page.FillAsync("#line-0-sku", word);
        await Assertions.Expect(page.Locator($"#line-0-sku-option-{sibling}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_sku_detail_shows_stock_per_warehouse_and_recent_movements_also_listed_under_stock_movements()
    {
        var code = await _api.CreateSku(safetyStock: 2);
        await _api.Receive(code, OmsClient.MainWarehouse, 9);
        await _api.Receive(code, OmsClient.JinanWarehouse, 4);
        await _api.ReadModelCaughtUp();
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/inventory/skus");
        await page.FillAsync("#sku-search", code);
        await page.PressAsync("#sku-search", "Enter");
        await Assertions.Expect(page.Locator("#skus-grid .rz-data-row")).ToHaveCountAsync(1);

        await page.ClickAsync($"#sku-link-{code}");
        await Assertions.Expect(page.Locator("#sku-title")).ToContainTextAsync(code);
        var levels = page.Locator("#sku-levels-grid");
        await Assertions.Expect(levels.Locator(".rz-data-row", new() { HasText = OmsClient.MainWarehouse })).ToContainTextAsync("9");
        await Assertions.Expect(levels.Locator(".rz-data-row", new() { HasText = OmsClient.JinanWarehouse })).ToContainTextAsync("4");
        await Assertions.Expect(page.Locator("#movements-grid .rz-data-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#movements-grid")).ToContainTextAsync("入库");
        await Chromium.Screenshot(page, "inventory-sku-detail");

        await page.ClickAsync("#tab-movements");
        await page.Locator("#movement-sku").WaitForAsync();
        await page.FillAsync("#movement-sku", code);
        await page.PressAsync("#movement-sku", "Enter");
        await Assertions.Expect(page.Locator("#movements-grid .rz-data-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#movements-grid")).ToContainTextAsync(OmsClient.JinanWarehouse);
        await Chromium.Screenshot(page, "inventory-movements");
    }

    [Fact]
    public async Task A_new_company_sees_the_checklist_follows_its_warehouse_step_to_the_open_form_and_is_told_what_comes_next()
    {
        var (_, email) = await _pages.SignUpNewCompany("兰山五金");
        var page = await _pages.SignedIn(email, "Wujin2026");
        await Assertions.Expect(page.Locator("#getting-started-progress")).ToHaveTextAsync("0/7 完成");
        await Assertions.Expect(page.Locator("#no-orders")).ToContainTextAsync("还没有订单");
        await Assertions.Expect(page.Locator("#kpis")).ToHaveCountAsync(0);
        await Chromium.Screenshot(page, "getting-started-new-company");

        await page.ClickAsync("#start-link-Warehouse");
        await page.WaitForURLAsync(_pages.BaseUrl + "/app/inventory/warehouses?new=warehouse");
        await Assertions.Expect(page.Locator("#wh-code-hint")).ToContainTextAsync("只能包含字母、数字");
        await page.FillAsync("#wh-code", "LS-01");
        await page.FillAsync("#wh-name", "兰山仓");
        await page.FillAsync("#wh-province", "山东省");
        await page.FillAsync("#wh-city", "临沂市");
        await page.FillAsync("#wh-address", "兰山区五金城 1 号");
        await page.ClickAsync("#save-stock-form");
        await Assertions.Expect(page.Locator("#stock-form")).ToHaveCountAsync(0);

        await OpenUntil(page, "/app/inventory", "#stock-empty", "先添加商品");
        await Assertions.Expect(page.Locator("#empty-new-sku")).ToBeVisibleAsync();
        await _pages.Open(page, "/app/inventory/skus");
        await Assertions.Expect(page.Locator("#new-sku")).ToHaveTextAsync("新建商品");
        await OpenUntil(page, "/app", "#getting-started-progress", "1/7 完成");
        await page.ClickAsync("#getting-started-hide");
        await Assertions.Expect(page.Locator("#getting-started")).ToHaveCountAsync(0);
        await _pages.Open(page, "/app");
        await Assertions.Expect(page.Locator("#no-orders")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#getting-started")).ToHaveCountAsync(0);
    }

    /// <summary>Opens a page again until it shows <paramref name="text"/> (what it shows comes from the read model, which follows the grains).</summary>
    private async Task OpenUntil(IPage page, string path, string selector, string text) =>
        await Eventually.Until(async () =>
        {
            await _pages.Open(page, path);
            try
            {
                await Assertions.Expect(page.Locator(selector).First).ToContainTextAsync(text, new() { Timeout = 2000 });
                return true;
            }
            catch (PlaywrightException)
            {
                return false;
            }
        }, shown => shown, what: $"{path} shows {text}");

    [Fact]
    public async Task The_sku_page_explains_goods_gone_to_an_order_and_links_the_order()
    {
        var code = await _api.CreateSku();
        await _api.Receive(code, OmsClient.MainWarehouse, 100);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(code, 6)));
        await _api.Act(order.OrderId, "approve");
        await _api.Act(order.OrderId, "ship", new { carrier = "ZTO", trackingNo = Unique.TrackingNo() });
        await _api.ReadModelCaughtUp();
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");

        await _pages.Open(page, $"/app/inventory/skus/{code}");
        var rows = page.Locator("#movements-grid .rz-data-row");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("订单出库");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("-6");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("订单预占");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("+100");
        await Chromium.Screenshot(page, "inventory-sku-order-movements");

        await rows.Nth(0).Locator(".movement-order").ClickAsync();
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("已发货");
        Assert.EndsWith($"/app/orders/{order.OrderId}", page.Url);
    }

    /// <summary>A screenshot with the dialog's fade-in finished.</summary>
    private static Task DialogScreenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotDirectory, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });

    /// <summary>Finds the SKU in the SKU management page and deactivates (giving a reason) or reactivates it through the confirmation dialog.</summary>
    private async Task SetActive(IPage page, string code, bool active)
    {
        await _pages.Open(page, "/app/inventory/skus");
        await page.FillAsync("#sku-search", code);
        await page.PressAsync("#sku-search", "Enter");
        var row = page.Locator("#skus-grid .rz-data-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(active ? "已停用" : "启用中");
        await page.ClickAsync($"#toggle-sku-{code}");
        await Assertions.Expect(page.Locator(".rz-dialog")).ToContainTextAsync(active ? "可以重新下单" : "不能再下单");
        if (!active) await page.FillAsync("#dialog-reason", "厂家停产");
        if (!active) await DialogScreenshot(page, "inventory-sku-deactivate");
        await page.Locator(".rz-dialog button", new() { HasText = "确定" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync(active ? "启用中" : "已停用");
        if (!active) await Chromium.Screenshot(page, "inventory-skus");
        Assert.Equal(active, (await _api.Get<SkuView>($"/api/skus/{code}")).Active);
    }
}
