using CloudOMS.WebPortal.Seeding;
using CloudOMS.WebPortal.Tests.Operations;
using Microsoft.Playwright;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>
/// Billing in real Chromium: a company on its Pro trial buys Enterprise by bank transfer, the platform operator
/// (Platform:Operators lists the demo clerk) marks the transfer paid, and the company sees its new plan and limits.
/// </summary>
public sealed class BillingBrowserTests(OperatorPortalFactory fixture, Chromium chromium) : IClassFixture<OperatorPortalFactory>, IClassFixture<Chromium>
{
    private readonly PortalPages _pages = new(fixture.Portal, chromium);

    [Fact]
    public async Task A_trial_company_buys_enterprise_by_bank_transfer_and_has_its_limits_once_the_operator_marks_it_paid()
    {
        var (slug, email) = await _pages.SignUpNewCompany("临沂兰山建材商行");
        var tenant = await _pages.SignedIn(email, "Wujin2026");
        await _pages.Open(tenant, "/app/settings/billing");
        await Assertions.Expect(tenant.Locator("#billing-plan")).ToHaveTextAsync("专业版");
        await Assertions.Expect(tenant.Locator("#billing-status")).ToContainTextAsync("试用中");
        await Assertions.Expect(tenant.Locator("#meter-orders .meter-value")).ToHaveTextAsync("0 / 20,000");
        await Assertions.Expect(tenant.Locator("#plan-enterprise .plan-monthly")).ToHaveTextAsync("¥1,999.00 / 月");
        await Assertions.Expect(tenant.Locator("#plan-enterprise")).ToContainTextAsync("每月订单 不限");

        await tenant.ClickAsync("#choose-enterprise");
        await Assertions.Expect(tenant.Locator("#billing-method")).ToContainTextAsync("对公转账");
        await tenant.ClickAsync("#billing-confirm");
        var transfer = tenant.Locator(".billing-transfer");
        await Assertions.Expect(transfer).ToContainTextAsync("¥1,999.00");
        await Assertions.Expect(transfer.Locator(".transfer-account-name")).ToHaveTextAsync("临沂云序信息科技有限公司");
        var reference = (await transfer.Locator(".transfer-reference").InnerTextAsync()).Trim();
        Assert.StartsWith("COMS-", reference);
        // A purchase starts when paid: until then the company keeps its trial.
        await Assertions.Expect(tenant.Locator("#billing-plan")).ToHaveTextAsync("专业版");
        await Chromium.Screenshot(tenant, "billing-awaiting-transfer");

        await transfer.Locator(".transfer-invoice-link").ClickAsync();
        await Assertions.Expect(tenant.Locator("#invoice-reference")).ToHaveTextAsync(reference);
        await Assertions.Expect(tenant.Locator("#invoice-company")).ToHaveTextAsync("临沂兰山建材商行");
        await Assertions.Expect(tenant.Locator("#invoice-amount")).ToHaveTextAsync("¥1,999.00");
        await Assertions.Expect(tenant.Locator("#invoice-status")).ToHaveTextAsync("待付款");
        await Assertions.Expect(tenant.Locator("#invoice-plan")).ToContainTextAsync("企业版");
        await Assertions.Expect(tenant.Locator("#print-invoice")).ToBeVisibleAsync();
        await Chromium.Screenshot(tenant, "billing-invoice");

        // The company's own admin is no platform operator.
        var refused = await tenant.GotoAsync(_pages.BaseUrl + "/app/operator");
        Assert.Equal(403, refused!.Status);

        var operatorPage = await _pages.SignedIn(DemoIdentitySeeder.ClerkEmail);
        await Assertions.Expect(operatorPage.Locator("#menu-operator")).ToBeVisibleAsync();
        await _pages.Open(operatorPage, "/app/operator");
        await operatorPage.FillAsync("#operator-search", slug);
        await operatorPage.PressAsync("#operator-search", "Tab");
        await Assertions.Expect(operatorPage.Locator("#operator-tenants .rz-data-row")).ToHaveCountAsync(1);
        await Assertions.Expect(operatorPage.Locator("#operator-invoices")).ToContainTextAsync(reference);
        await operatorPage.ClickAsync($"#mark-paid-{reference}");
        await Assertions.Expect(operatorPage.Locator(".rz-dialog")).ToContainTextAsync(reference);
        await PortalPages.Confirm(operatorPage);
        await Assertions.Expect(operatorPage.Locator($"#mark-paid-{reference}")).ToHaveCountAsync(0);
        await Assertions.Expect(operatorPage.Locator($".tenant-plan[data-tenant='{slug}']")).ToHaveTextAsync("企业版");
        await Assertions.Expect(operatorPage.Locator("#operator-tenants")).ToContainTextAsync("¥1,999.00");
        await Chromium.Screenshot(operatorPage, "billing-operator-console");

        await _pages.Open(tenant, "/app/settings/billing");
        await Assertions.Expect(tenant.Locator("#billing-plan")).ToHaveTextAsync("企业版");
        await Assertions.Expect(tenant.Locator("#billing-status")).ToContainTextAsync("生效中");
        await Assertions.Expect(tenant.Locator("#meter-orders .meter-value")).ToHaveTextAsync("0 / 不限");
        await Assertions.Expect(tenant.Locator("#meter-users .meter-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ / 200$"));
        await Assertions.Expect(tenant.Locator(".billing-transfer")).ToHaveCountAsync(0);
        await Assertions.Expect(tenant.Locator("#billing-invoices .invoice-status")).ToHaveTextAsync("已付款");
        await Chromium.Screenshot(tenant, "billing-enterprise");

        await tenant.ClickAsync("#language");
        await tenant.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(tenant.Locator("#billing-plan")).ToHaveTextAsync("Enterprise");
        await Assertions.Expect(tenant.Locator("#billing-status")).ToContainTextAsync("Active");
        await Assertions.Expect(tenant.Locator("#meter-orders .meter-value")).ToHaveTextAsync("0 / unlimited");
        await Assertions.Expect(tenant.Locator("#billing-invoices .invoice-status")).ToHaveTextAsync("Paid");
    }

    [Fact]
    public async Task A_company_the_operator_moved_to_the_free_plan_is_refused_a_second_warehouse_with_a_way_to_upgrade_and_sees_why_when_suspended()
    {
        var (slug, email) = await _pages.SignUpNewCompany("河东区小五金店");
        var operatorPage = await _pages.SignedIn(DemoIdentitySeeder.ClerkEmail);
        await _pages.Open(operatorPage, "/app/operator");
        await operatorPage.FillAsync("#operator-search", slug);
        await operatorPage.PressAsync("#operator-search", "Tab");
        // Click only once the list is filtered: the row moves when the search answers.
        await Assertions.Expect(operatorPage.Locator("#operator-tenants .rz-data-row")).ToHaveCountAsync(1);
        await operatorPage.ClickAsync($"#manage-{slug}");
        await operatorPage.ClickAsync("#operator-plan");
        await operatorPage.Locator(".rz-popup:visible .rz-dropdown-item", new() { HasText = "免费版" }).ClickAsync();
        await Assertions.Expect(operatorPage.Locator("div#operator-plan")).ToContainTextAsync("免费版");
        await operatorPage.ClickAsync("#operator-change-plan");
        await Assertions.Expect(operatorPage.Locator($".tenant-plan[data-tenant='{slug}']")).ToHaveTextAsync("免费版");

        var tenant = await _pages.SignedIn(email, "Wujin2026");
        await _pages.Open(tenant, "/app/inventory");
        foreach (var code in new[] { "HD-01", "HD-02" })
        {
            await tenant.ClickAsync("#new-warehouse");
            await tenant.FillAsync("#wh-code", code);
            await tenant.FillAsync("#wh-name", "河东仓 " + code);
            await tenant.FillAsync("#wh-province", "山东省");
            await tenant.FillAsync("#wh-city", "临沂市");
            await tenant.FillAsync("#wh-address", "河东区五金路 2 号");
            await tenant.ClickAsync("#save-stock-form");
            if (code == "HD-01") await Assertions.Expect(tenant.Locator("#stock-form")).ToHaveCountAsync(0);
        }
        await Assertions.Expect(tenant.Locator("#billing-refusal-message")).ToContainTextAsync("仓库数已达套餐上限（1 个）");
        await Assertions.Expect(tenant.Locator("#billing-refusal-message")).Not.ToContainTextAsync("warehouses");
        await Chromium.Screenshot(tenant, "billing-quota-refusal");
        await tenant.ClickAsync("#billing-refusal-upgrade");
        await Assertions.Expect(tenant.Locator("#billing-plan")).ToHaveTextAsync("免费版");
        await Assertions.Expect(tenant.Locator("#meter-warehouses .meter-value")).ToHaveTextAsync("1 / 1");

        // Suspended by the operator, every member is told why; resumed, the banner is gone.
        await operatorPage.ClickAsync("#operator-suspend");
        await PortalPages.Confirm(operatorPage);
        await Assertions.Expect(operatorPage.Locator("#operator-resume")).ToBeVisibleAsync();
        await _pages.Open(tenant, "/app");
        await Assertions.Expect(tenant.Locator("#billing-banner-text")).ToContainTextAsync("已被平台暂停使用");
        await operatorPage.ClickAsync("#operator-resume");
        await Assertions.Expect(operatorPage.Locator("#operator-suspend")).ToBeVisibleAsync();
        await _pages.Open(tenant, "/app");
        await Assertions.Expect(tenant.Locator("#billing-banner")).ToHaveCountAsync(0);

        // Free allows two members: the admin and one who joins; the next invitation is refused with the way to upgrade.
        await _pages.Open(tenant, "/app/settings/users");
        await Invite(tenant, $"join-{slug}@example.cn");
        await Assertions.Expect(tenant.Locator("#invited")).ToBeVisibleAsync();
        var join = await chromium.NewPage();
        await join.GotoAsync(_pages.LinkFromMail($"join-{slug}@example.cn", "/account/invite"));
        await join.FillAsync("#name", "新同事");
        await join.FillAsync("#password", "Wujin2026");
        await join.ClickAsync("button[type=submit]");
        await Assertions.Expect(join.Locator("h1")).ToContainTextAsync("已加入");
        await Invite(tenant, $"third-{slug}@example.cn");
        await Assertions.Expect(tenant.Locator("#billing-refusal-message")).ToContainTextAsync("成员数已达套餐上限（2 人）");
        await Assertions.Expect(tenant.Locator("#billing-refusal-upgrade")).ToBeVisibleAsync();
    }

    private static async Task Invite(IPage page, string email)
    {
        await page.FillAsync("#invite-email", email);
        await page.ClickAsync("#invite-role");
        await page.Locator(".rz-popup:visible .rz-dropdown-item").First.ClickAsync();
        await page.ClickAsync("#invite");
    }
}
