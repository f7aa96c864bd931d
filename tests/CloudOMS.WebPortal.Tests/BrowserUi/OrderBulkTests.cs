using System.Text.RegularExpressions;
using CloudOMS.Identity.Access;
using CloudOMS.WebPortal.Orders;
using CloudOMS.WebPortal.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>The order list in real Chromium: filters, selection, bulk approve and ship, and the pick list of the selection.</summary>
public sealed class OrderBulkTests(PortalFactory portal, Chromium chromium) : IClassFixture<PortalFactory>, IClassFixture<Chromium>
{
    private readonly PortalPages _pages = new(portal, chromium);
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 15_000 };

    [Fact]
    public async Task Orders_filtered_by_date_and_warehouse_are_approved_picked_and_shipped_in_bulk_and_an_order_on_hold_is_reported_not_shipped()
    {
        var api = portal.Api;
        var warehouse = await api.CreateWarehouse(priority: 1);
        var (skuA, skuB) = (await api.CreateSku(), await api.CreateSku());
        await api.Receive(skuA, warehouse, 50);
        await api.Receive(skuB, warehouse, 50);
        var phone = Unique.Phone();
        var ids = new List<string>();
        foreach (var lines in new[] { new[] { NewOrder.Line(skuA, 2), NewOrder.Line(skuB, 1) }, [NewOrder.Line(skuA, 3)], [NewOrder.Line(skuB, 6)] })
            ids.Add((await api.CreateOrder(NewOrder.For(phone, lines))).OrderId);
        await api.OrdersWhen($"q={phone}", p => p.Total == 3);

        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/orders");
        var rows = page.Locator("#orders-grid .rz-data-row");
        await page.FillAsync("#order-search", phone);
        await page.PressAsync("#order-search", "Enter");
        await page.ClickAsync("#period-1");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await page.CheckAsync("#select-page");
        await Assertions.Expect(page.Locator("#selected-count")).ToHaveTextAsync("已选 3 单");

        await page.ClickAsync("#bulk-approve");
        await Assertions.Expect(page.Locator("#bulk-summary-text")).ToHaveTextAsync("批量审核：成功 3 单，失败 0 单", Slow);
        foreach (var id in ids)
        {
            var order = await api.Order(id);
            Assert.Equal(("Approved", warehouse), (order.Status, order.Warehouse));
        }

        // Approved orders have a warehouse: the list narrows to it, and the export link carries every filter.
        await page.ClickAsync("#order-warehouse");
        await page.Locator(".rz-popup:visible .rz-dropdown-item", new() { HasText = warehouse }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#orders-grid")).Not.ToContainTextAsync("待审核");
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        await Assertions.Expect(page.Locator("#export-orders"))
            .ToHaveAttributeAsync("href", new Regex($"warehouse={warehouse}&from={today}&to={today}&q={phone}"));
        await Chromium.Screenshot(page, "orders-bulk");

        var pickList = await page.RunAndWaitForPopupAsync(() => page.ClickAsync("#bulk-picklist"));
        await pickList.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var section = pickList.Locator($"section[data-warehouse='{warehouse}']");
        await Assertions.Expect(section.Locator($"tr.pick-sku[data-sku='{skuA}'] .total")).ToHaveTextAsync("5");
        await Assertions.Expect(section.Locator($"tr.pick-sku[data-sku='{skuB}'] .total")).ToHaveTextAsync("7");
        var skus = await section.Locator("tr.pick-sku").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.sku)");
        Assert.Equal(new[] { skuA, skuB }.Order(StringComparer.Ordinal), skus);
        Assert.Equal(4, await section.Locator("tbody tr").CountAsync());
        await Assertions.Expect(section).ToContainTextAsync("测试客户");
        await pickList.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(pickList.Locator(".rz-sidebar")).ToBeHiddenAsync();
        await Assertions.Expect(pickList.Locator("#print-picklist")).ToBeHiddenAsync();
        await Chromium.Screenshot(pickList, "picklist");
        await pickList.CloseAsync();

        // One order's own pick list, from its page.
        var detail = await page.Context.NewPageAsync();
        await _pages.Open(detail, $"/app/orders/{ids[0]}");
        var single = await detail.RunAndWaitForPopupAsync(() => detail.ClickAsync("#order-picklist"));
        await single.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(single.Locator($"tr.pick-sku[data-sku='{skuA}'] .total")).ToHaveTextAsync("2");
        await Assertions.Expect(single.Locator($"tr.pick-sku[data-sku='{skuB}'] .total")).ToHaveTextAsync("1");
        Assert.Equal(2, await single.Locator("tbody tr").CountAsync());
        await detail.CloseAsync();
        await single.CloseAsync();

        // Meanwhile someone puts the third order on hold: it can no longer ship.
        await api.Act(ids[2], "hold", new { reason = "客户要求暂缓" });
        await page.ClickAsync("#bulk-ship");
        var dialog = page.Locator("#bulk-ship-dialog");
        await Assertions.Expect(dialog.Locator("tbody tr")).ToHaveCountAsync(2);
        var tracking = new[] { Unique.TrackingNo(), Unique.TrackingNo() };
        await page.FillAsync($"#tracking-{ids[0]}", tracking[0]);
        await page.ClickAsync("#bulk-ship-confirm");
        await Assertions.Expect(page.Locator($"#error-trackingNo-{ids[1]}")).ToContainTextAsync("请填写运单号");
        await Chromium.Screenshot(page, "orders-bulk-ship-dialog");
        Assert.Equal("Approved", (await api.Order(ids[0])).Status);
        await page.FillAsync($"#tracking-{ids[1]}", tracking[1]);
        await page.ClickAsync("#bulk-ship-confirm");

        await Assertions.Expect(page.Locator("#bulk-summary-text")).ToHaveTextAsync("批量发货：成功 2 单，失败 1 单", Slow);
        await Assertions.Expect(page.Locator($"#bulk-results tr[data-order='{ids[2]}'] .reason")).ToHaveTextAsync("当前状态为“挂起”，不能发货");
        await Assertions.Expect(page.Locator("#orders-grid")).ToContainTextAsync(tracking[1], new() { Timeout = 15_000 });
        await Chromium.Screenshot(page, "orders-bulk-ship");
        for (var i = 0; i < 2; i++)
        {
            var shipped = await api.Order(ids[i]);
            Assert.Equal(("Shipped", "SF", tracking[i]), (shipped.Status, shipped.Shipment?.Carrier, shipped.Shipment?.TrackingNo));
        }
        var held = await api.Order(ids[2]);
        Assert.Equal("OnHold", held.Status);
        Assert.Null(held.Shipment);

        // Once released, the last one ships on its own with its tracking number.
        await api.Act(ids[2], "release-hold");
        await page.ClickAsync("#clear-selection");
        await page.CheckAsync($"#select-{ids[2]}");
        await page.ClickAsync("#bulk-ship");
        var last = Unique.TrackingNo();
        await page.FillAsync($"#tracking-{ids[2]}", last);
        await page.ClickAsync("#bulk-ship-confirm");
        await Assertions.Expect(page.Locator("#bulk-summary-text")).ToHaveTextAsync("批量发货：成功 1 单，失败 0 单", Slow);
        Assert.Equal(("Shipped", last), ((await api.Order(ids[2])).Status, (await api.Order(ids[2])).Shipment?.TrackingNo));
    }

    [Fact]
    public async Task A_batch_for_a_user_limited_to_one_warehouse_skips_other_warehouses_and_reports_every_order()
    {
        var api = portal.Api;
        var warehouse = await api.CreateWarehouse(priority: 1);
        var sku = await api.CreateSku();
        await api.Receive(sku, warehouse, 10);
        var elsewhere = await api.Act((await api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)))).OrderId, "approve");
        var pending = await api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)));
        var clerk = new AccessGrant(DemoTenant.Id, "clerk", new HashSet<string> { Permissions.OrdersView, Permissions.OrdersShip }, new HashSet<string> { OmsClient.MainWarehouse });
        var batch = new OrderBatch(portal.Services.GetRequiredService<Orleans.IGrainFactory>(), clerk, "clerk", NullLogger<OrderBatch>.Instance);

        var shipped = await batch.Ship("SF", new Dictionary<string, string> { [elsewhere.OrderId] = "SF100", [pending.OrderId] = "SF101", ["SO-NOPE"] = "SF102" });
        var approved = await batch.Approve([pending.OrderId]);

        Assert.Equal([BatchFailure.OutOfScope, BatchFailure.OutOfScope, BatchFailure.NotFound], shipped.Select(r => r.Failure));
        Assert.Equal(BatchFailure.NoPermission, Assert.Single(approved).Failure);
        Assert.Equal("Approved", (await api.Order(elsewhere.OrderId)).Status);
        Assert.Equal("PendingReview", (await api.Order(pending.OrderId)).Status);
    }
}
