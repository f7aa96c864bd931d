using System.Diagnostics;
using Microsoft.Playwright;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>
/// A person's way through the portal in one browser window: every click and every field typed into is counted, the
/// time is kept, and each page it stops at is photographed under the window's size (first-day-{name}-{size}.png).
/// </summary>
public sealed class Walk(IPage page, string size)
{
    private readonly Stopwatch _time = Stopwatch.StartNew();

    public IPage Page => page;
    public int Clicks { get; private set; }
    public int Fields { get; private set; }
    public TimeSpan Elapsed => _time.Elapsed;

    /// <summary>The pages photographed, by name and address, in the order the walk reached them.</summary>
    public List<(string Name, string Path)> Stops { get; } = [];

    public static async Task<Walk> Open(Chromium chromium, int width, int height)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = height } });
        return new Walk(await context.NewPageAsync(), $"{width}x{height}");
    }

    public async Task Click(string selector)
    {
        Clicks++;
        await page.ClickAsync(selector);
    }

    public async Task Click(ILocator target)
    {
        Clicks++;
        await target.ClickAsync();
    }

    public async Task Fill(string selector, string value)
    {
        Fields++;
        await page.FillAsync(selector, value);
    }

    /// <summary>Types into a field and leaves it with Tab, as a person does before the next field (one field).</summary>
    public async Task FillAndLeave(string selector, string value)
    {
        await Fill(selector, value);
        await page.PressAsync(selector, "Tab");
    }

    /// <summary>Waits until the page is live (a portal page's buttons work only then).</summary>
    public Task Live() => page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public async Task Shot(string name)
    {
        Stops.Add((name, new Uri(page.Url).PathAndQuery));
        await Chromium.Screenshot(page, $"first-day-{name}-{size}");
    }

    /// <summary>Photographs again, in this window, every page another walk stopped at (the same pages at this size).</summary>
    public async Task Retrace(Walk other, string baseUrl, IEnumerable<string> skip)
    {
        foreach (var (name, path) in other.Stops.Where(s => !skip.Contains(s.Name) && s.Path.StartsWith("/app", StringComparison.Ordinal)))
        {
            await page.GotoAsync(baseUrl + path);
            await Live();
            await Chromium.Screenshot(page, $"first-day-{name}-{size}");
        }
    }

    public string Summary() => $"{size}: {Elapsed.TotalSeconds:0.0} s, {Clicks} clicks, {Fields} fields, pages: {string.Join(", ", Stops.Select(s => s.Name))}";
}
