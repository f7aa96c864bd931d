using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>How strangers arrive: at "/", the front door, and on from there by its links only.</summary>
public sealed class FrontDoorTests(PortalFactory portal, Chromium chromium, ITestOutputHelper output) : IClassFixture<PortalFactory>, IClassFixture<Chromium>
{
    private readonly PortalPages _pages = new(portal, chromium);
    private string BaseUrl => _pages.BaseUrl;

    /// <summary>
    /// The first day of a new company's owner: from the address on a business card to a shipped order and its tracking
    /// page, by the pages' own links and the dashboard's checklist only, at 1366x768; then the order steps again on a
    /// phone (390x844), and every page of the way photographed at both sizes. The walk's time, clicks and fields are
    /// written to test-results/first-day.txt.
    /// </summary>
    [Fact]
    public async Task A_stranger_starts_at_the_front_door_and_follows_the_checklist_to_a_shipped_order_and_its_tracking_page()
    {
        var desk = await Walk.Open(chromium, 1366, 768);
        var page = desk.Page;
        var slug = "fd" + Guid.NewGuid().ToString("N")[..8];
        var email = $"{slug}@example.cn";

        // The only address typed: the one on the company's business card.
        await page.GotoAsync(BaseUrl + "/");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("订单");
        await Assertions.Expect(page.Locator("#plan-free")).ToContainTextAsync("免费");
        await Assertions.Expect(page.Locator(".plan .tag")).ToContainTextAsync("试用");
        await Assertions.Expect(page.Locator("#demo")).ToContainTextAsync("admin@demo.cloudoms.cn");
        await desk.Shot("front-door");
        await desk.Click("#hero-sign-up");
        await desk.Fill("#companyName", "河东日用百货");
        await desk.Fill("#slug", slug);
        await desk.Fill("#contactName", "孙老板");
        await desk.Fill("#email", email);
        await desk.Fill("#password", "Baihuo2026");
        await desk.Click("button[type=submit]");
        await Assertions.Expect(page.Locator("#signed-up")).ToContainTextAsync("14 天试用");
        await desk.Shot("signed-up");

        // The link in the confirmation mail, as the owner clicks it there; then on, by the page's own links.
        await page.GotoAsync(_pages.LinkFromMail(email, "/account/confirm"));
        await desk.Click("#continue");
        await desk.Fill("#email", email);
        await desk.Fill("#password", "Baihuo2026");
        await desk.Click("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/app");
        await Assertions.Expect(page.Locator("#company")).ToHaveTextAsync("河东日用百货");
        await Assertions.Expect(page.Locator("#getting-started-progress")).ToHaveTextAsync("0/7 完成");
        await desk.Shot("dashboard-new");

        await Step(desk, "Profile", "company", async () =>
        {
            await desk.Fill("#company-tax-id", "91371300MA3C8K2X1Q");
            await desk.Fill("#company-address", "临沂市河东区凤凰大街 88 号");
            await desk.Click("#save-company");
            await Assertions.Expect(page.Locator("#company-saved")).ToBeVisibleAsync();
        });
        await Step(desk, "Warehouse", "warehouse", async () =>
        {
            await desk.Fill("#wh-code", "HD-01");
            await desk.Fill("#wh-name", "河东仓");
            await desk.Fill("#wh-province", "山东省");
            await desk.Fill("#wh-city", "临沂市");
            await desk.Fill("#wh-address", "河东区物流园 3 号");
            await desk.Click("#save-stock-form");
            await Assertions.Expect(page.Locator("#stock-form")).ToHaveCountAsync(0);
        });
        await Step(desk, "Skus", "sku", async () =>
        {
            await desk.Fill("#sku-code", "BH-001");
            await desk.Fill("#sku-name", "不锈钢保温杯 500ml");
            await desk.Fill("#sku-unit", "个");
            await desk.Fill("#sku-price input", "39");
            await desk.Click("#save-stock-form");
            await Assertions.Expect(page.Locator("#stock-form")).ToHaveCountAsync(0);
        });
        await Step(desk, "Stock", "receive", async () =>
        {
            // The SKU is found by its name, as the owner knows it.
            await desk.Fill("#receive-sku", "保温杯");
            await desk.Click("#receive-sku-option-BH-001");
            await desk.Fill("#receive-quantity input", "20");
            await desk.Click("#save-stock-form");
            await Assertions.Expect(page.Locator("#stock-form")).ToHaveCountAsync(0);
        });
        await Step(desk, "Colleague", "invite", async () =>
        {
            await desk.Fill("#invite-email", $"cangku-{slug}@example.cn");
            await desk.Click("#invite-role");
            await desk.Click(page.Locator(".rz-popup:visible .rz-dropdown-item", new() { HasText = "仓储" }).First);
            await Assertions.Expect(page.Locator("div#invite-role")).ToContainTextAsync("仓储");
            await desk.Click("#invite");
            await Assertions.Expect(page.Locator("#invited")).ToContainTextAsync("cangku-");
        });
        await Step(desk, "Order", null, async () =>
        {
            var orderNo = await PlaceAndShip(desk, "孙师傅", "13700001234", "3");
            // The customer's tracking page, opened from the order (its link is what the owner sends the customer).
            var tracking = await page.RunAndWaitForPopupAsync(() => desk.Click("#order-tracking-link"));
            await Assertions.Expect(tracking.Locator("#orderNo")).ToHaveValueAsync(orderNo);
            await tracking.FillAsync("#phone", "1234");
            await tracking.ClickAsync("button[type=submit]");
            await Assertions.Expect(tracking.Locator("h1")).ToContainTextAsync("河东日用百货");
            await Assertions.Expect(tracking.Locator("#status")).ToContainTextAsync("已发货");
            Assert.Contains($"/t/{slug}/track", tracking.Url, StringComparison.Ordinal);
            await Chromium.Screenshot(tracking, "first-day-tracking-1366x768");
            await tracking.CloseAsync();
        });

        // Everything done: the checklist has served its turn (the shipment reaches the read model a moment later).
        await Eventually.Until(async () =>
        {
            await page.GotoAsync(BaseUrl + "/app");
            await desk.Live();
            return await page.Locator("#getting-started").CountAsync() == 0 && await page.Locator("#kpis").CountAsync() == 1;
        }, done => done);
        await desk.Shot("dashboard-done");
        var firstDay = desk.Summary();

        // Signed in, the front door leads straight on to the portal, and so does the old address of its sign-in page.
        await page.GotoAsync(BaseUrl + "/");
        await page.WaitForURLAsync(BaseUrl + "/app");
        await page.GotoAsync(BaseUrl + "/portal");
        await page.WaitForURLAsync(BaseUrl + "/app");

        // On a phone: sign in from the front door and take the next order from the menu to shipped.
        var phone = await Walk.Open(chromium, 390, 844);
        await phone.Page.GotoAsync(BaseUrl + "/");
        await phone.Shot("front-door");
        await phone.Click("#hero-sign-in");
        await phone.Fill("#email", email);
        await phone.Fill("#password", "Baihuo2026");
        await phone.Click("button[type=submit]");
        await phone.Page.WaitForURLAsync(BaseUrl + "/app");
        await phone.Live();
        await phone.Shot("dashboard-done");
        await phone.Click("#phone-menu");
        await phone.Click(phone.Page.Locator(".rz-navigation-item", new() { HasText = "订单" }).First);
        await phone.Page.WaitForURLAsync(BaseUrl + "/app/orders");
        await phone.Live();
        await phone.Shot("orders");
        await phone.Click("#new-order");
        await PlaceAndShip(phone, "周女士", "13900005678", "2");
        var onPhone = await phone.Page.RunAndWaitForPopupAsync(() => phone.Click("#order-tracking-link"));
        await Assertions.Expect(onPhone.Locator("#orderNo")).Not.ToHaveValueAsync("");
        await onPhone.FillAsync("#phone", "5678");
        await onPhone.ClickAsync("button[type=submit]");
        await Assertions.Expect(onPhone.Locator("#status")).ToContainTextAsync("已发货");
        await Chromium.Screenshot(onPhone, "first-day-tracking-390x844");
        await phone.Retrace(desk, BaseUrl, skip: ["dashboard-done", "order"]);

        var record = $"{firstDay}\nphone, order steps: {phone.Summary()}\nscreenshots: {Chromium.ScreenshotDirectory}/first-day-*.png\n";
        await File.WriteAllTextAsync(Path.Combine(Chromium.ScreenshotDirectory, "..", "first-day.txt"), record);
        output.WriteLine(record);
        await desk.Page.Context.CloseAsync();
        await phone.Page.Context.CloseAsync();
    }

    /// <summary>Back on the dashboard (by the menu), follows the checklist's link of <paramref name="step"/>, does it, and sees it ticked.</summary>
    private async Task Step(Walk walk, string step, string? shot, Func<Task> doIt)
    {
        var page = walk.Page;
        if (new Uri(page.Url).AbsolutePath != "/app")
        {
            await walk.Click(page.Locator(".rz-navigation-item", new() { HasText = "看板" }).First);
            await page.WaitForURLAsync(BaseUrl + "/app");
        }
        await walk.Live();
        await walk.Click($"#start-link-{step}");
        await walk.Live();
        await doIt();
        if (shot is not null) await walk.Shot(shot);
        // What the step made reaches the dashboard's figures a moment later (the read model follows the grains).
        await Eventually.Until(async () =>
        {
            await page.GotoAsync(BaseUrl + "/app");
            await walk.Live();
            return await page.Locator($"#start-{step}.done").CountAsync() == 1 || await page.Locator("#getting-started").CountAsync() == 0;
        }, ticked => ticked);
    }

    /// <summary>Fills the new-order form for the SKU received above, saves, approves and ships it; returns the order number.</summary>
    private static async Task<string> PlaceAndShip(Walk walk, string customer, string phone, string quantity)
    {
        var page = walk.Page;
        await walk.Live();
        await walk.Fill("#order-customer", customer);
        await walk.Fill("#order-phone", phone);
        await walk.Fill("#order-province", "山东省");
        await walk.Fill("#order-city", "临沂市");
        await walk.Fill("#order-address", "河东区凤凰大街 9 号");
        await walk.FillAndLeave("#line-0-sku", "BH-001");
        await Assertions.Expect(page.Locator("#line-0-available")).Not.ToHaveTextAsync("");
        await walk.FillAndLeave("#line-0-quantity input", quantity);
        await walk.Click("#save-order");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("待审核");
        var orderNo = (await page.Locator("h4, .rz-text-h4").First.InnerTextAsync()).Trim();
        await walk.Click("#action-approve");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("已审核");
        await walk.Click("#action-ship");
        await walk.Fill("#tracking-no", "ZTO" + phone[^6..]);
        await walk.Click("#ship-confirm");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("已发货");
        await walk.Shot("order");
        return orderNo;
    }

    [Fact]
    public async Task The_front_door_is_in_English_for_an_English_browser_and_offers_the_demo_company()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(BaseUrl + "/");
        await Assertions.Expect(page.Locator("#hero-sign-up")).ToContainTextAsync("Sign up free");
        await Assertions.Expect(page.Locator("#plan-free")).ToContainTextAsync("Free");
        await page.ClickAsync("#demo-sign-in");
        await page.FillAsync("#email", "admin@demo.cloudoms.cn");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/app");
        await Assertions.Expect(page.Locator("#company")).ToHaveTextAsync(CloudOMS.WebPortal.Tenants.DemoTenant.Name);
        await context.CloseAsync();
    }
}
