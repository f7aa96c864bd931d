using Microsoft.Playwright;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>How strangers arrive: at "/", the front door, and on from there by its links only.</summary>
public sealed class FrontDoorTests(PortalFactory portal, Chromium chromium) : IClassFixture<PortalFactory>, IClassFixture<Chromium>
{
    private readonly PortalPages _pages = new(portal, chromium);
    private string BaseUrl => _pages.BaseUrl;

    [Fact]
    public async Task A_stranger_starts_at_the_front_door_signs_up_confirms_and_reaches_the_dashboard_without_typing_an_address()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        var slug = "fd" + Guid.NewGuid().ToString("N")[..8];
        var email = $"{slug}@example.cn";

        // The only address typed: the one on the company's business card.
        await page.GotoAsync(BaseUrl + "/");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("订单");
        await Assertions.Expect(page.Locator("#plan-free")).ToContainTextAsync("免费");
        await Assertions.Expect(page.Locator(".plan .tag")).ToContainTextAsync("试用");
        await Assertions.Expect(page.Locator("#demo")).ToContainTextAsync("admin@demo.cloudoms.cn");
        await Chromium.Screenshot(page, "front-door");
        await page.ClickAsync("#hero-sign-up");
        await page.FillAsync("#companyName", "河东日用百货");
        await page.FillAsync("#slug", slug);
        await page.FillAsync("#contactName", "孙老板");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Baihuo2026");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#signed-up")).ToContainTextAsync("14 天试用");

        // The link in the confirmation mail, as the owner clicks it there; then on, by the page's own links.
        await page.GotoAsync(_pages.LinkFromMail(email, "/account/confirm"));
        await page.ClickAsync("#continue");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Baihuo2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/app");
        await Assertions.Expect(page.Locator("#company")).ToHaveTextAsync("河东日用百货");
        await Chromium.Screenshot(page, "front-door-first-sign-in");

        // Signed in, the front door leads straight on to the portal, and so does the old address of its sign-in page.
        await page.GotoAsync(BaseUrl + "/");
        await page.WaitForURLAsync(BaseUrl + "/app");
        await page.GotoAsync(BaseUrl + "/portal");
        await page.WaitForURLAsync(BaseUrl + "/app");
        await context.CloseAsync();
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
