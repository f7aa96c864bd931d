using System.Diagnostics;
using Microsoft.Playwright;

namespace CloudOMS.LoadTests.PortalPages;

/// <summary>
/// Times portal pages in Debian's Chromium as a user sees them: from the navigation to the first rows of the
/// order list (or the dashboard's figures) on screen, and to the page being live (interactive).
/// </summary>
public sealed class PageTimer : IAsyncDisposable
{
    public sealed record Timing(string Page, double ContentMs, double InteractiveMs);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _page;
    private readonly string _baseUrl;

    private PageTimer(IPlaywright playwright, IBrowser browser, IPage page, string baseUrl) =>
        (_playwright, _browser, _page, _baseUrl) = (playwright, browser, page, baseUrl);

    public static async Task<PageTimer> SignIn(string baseUrl, string email, string password)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        baseUrl = baseUrl.TrimEnd('/');
        await page.GotoAsync(baseUrl + "/app");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(baseUrl + "/app");
        return new PageTimer(playwright, browser, page, baseUrl);
    }

    public Task<Timing> Orders() => Time("orders", "/app/orders", "#orders-grid .rz-data-row a");

    public Task<Timing> Dashboard() => Time("dashboard", "/app", "#kpi-orders");

    private async Task<Timing> Time(string name, string path, string content)
    {
        var clock = Stopwatch.StartNew();
        await _page.GotoAsync(_baseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        try
        {
            await _page.Locator(content).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var shot = Path.Combine(Path.GetTempPath(), $"portal-pages-{name}.png");
            await _page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            throw new TimeoutException($"{name}: '{content}' did not appear on {_page.Url} within 60 s (screenshot {shot})");
        }
        var contentMs = clock.Elapsed.TotalMilliseconds;
        await _page.Locator("#interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        return new Timing(name, contentMs, clock.Elapsed.TotalMilliseconds);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
