using Microsoft.Playwright;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>What the browser tests do again and again: open a live page, sign in, sign a company up.</summary>
public sealed class PortalPages(PortalFactory portal, Chromium chromium)
{
    public string BaseUrl => portal.Api.Http.BaseAddress!.ToString().TrimEnd('/');

    /// <summary>Opens a portal page and waits until it is live (buttons work only then).</summary>
    public async Task Open(IPage page, string path)
    {
        await page.GotoAsync(BaseUrl + path);
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Answers a Radzen confirmation dialog with its 确定 button.</summary>
    public static Task Confirm(IPage page) =>
        page.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).ClickAsync();

    public Task<IPage> SignedIn(string email, string password = "Demo@2026") => SignedIn(email, new ViewportSize { Width = 1366, Height = 900 }, password);

    /// <summary>Signed in, in a browser window of <paramref name="viewport"/> (a phone is 390x844).</summary>
    public async Task<IPage> SignedIn(string email, ViewportSize viewport, string password = "Demo@2026")
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = viewport });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/app");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/app");
        await page.Locator("#company").WaitForAsync();
        return page;
    }

    /// <summary>Signs a new company up through the page and confirms its email; returns its slug and admin email.</summary>
    public async Task<(string Slug, string Email)> SignUpNewCompany(string company)
    {
        var slug = "co" + Guid.NewGuid().ToString("N")[..8];
        var email = $"{slug}@example.cn";
        var page = await chromium.NewPage();
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

        await page.GotoAsync(LinkFromMail(email, "/account/confirm"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("邮箱已验证");
        await page.CloseAsync();
        return (slug, email);
    }

    /// <summary>The link to <paramref name="path"/> in the one message to <paramref name="email"/> that has such a link.</summary>
    public string LinkFromMail(string email, string path)
    {
        var mail = Directory.GetFiles(Path.Combine(portal.DataDirectory, "mail"), "*.eml").Select(File.ReadAllText)
            .Single(m => m.Contains($"To: {email}") && m.Contains(path));
        var link = System.Text.RegularExpressions.Regex.Match(mail, $"href=\"([^\"]+{path}[^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(link), $"no {path} link in the mail to {email}");
        return System.Net.WebUtility.HtmlDecode(link);
    }
}
