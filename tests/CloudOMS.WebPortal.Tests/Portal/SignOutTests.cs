namespace CloudOMS.WebPortal.Tests.Portal;

/// <summary>The portal's sign-out is a form post from its own page; links and other sites' forms sign nobody out.</summary>
[Collection(StockPortal.Name)]
public sealed class SignOutTests(PortalFactory portal)
{
    private string PortalUrl => portal.Api.Http.BaseAddress!.ToString().TrimEnd('/');

    private async Task<Browser> SignedIn()
    {
        var browser = new Browser();
        await browser.Go(PortalUrl + "/app");
        await browser.Submit(("email", "admin@demo.cloudoms.cn"), ("password", "Demo@2026"));
        Assert.True(browser.Location.AbsolutePath.TrimEnd('/') == "/app", $"{browser.Location} {browser.Status}: {browser.Html}");
        return browser;
    }

    private async Task StillSignedIn(Browser browser)
    {
        // Signed out, /app would lead to the sign-in page.
        await browser.Go(PortalUrl + "/app");
        Assert.Equal((HttpStatusCode.OK, "/app"), (browser.Status, browser.Location.AbsolutePath.TrimEnd('/')));
    }

    [Fact]
    public async Task A_link_to_sign_out_only_asks_and_the_user_stays_signed_in()
    {
        using var browser = await SignedIn();

        await browser.Go(PortalUrl + "/portal/signout");

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Contains("<form method=\"post\" action=\"/portal/signout\"", browser.Html);
        await StillSignedIn(browser);
    }

    [Fact]
    public async Task A_sign_out_posted_by_another_site_is_refused_and_the_user_stays_signed_in()
    {
        using var browser = await SignedIn();

        await browser.Post(PortalUrl + "/portal/signout");

        Assert.Equal(HttpStatusCode.BadRequest, browser.Status);
        await StillSignedIn(browser);
    }

    [Fact]
    public async Task The_sign_out_button_ends_the_portal_and_the_single_sign_on_session()
    {
        using var browser = await SignedIn();
        await browser.Go(PortalUrl + "/portal/signout");

        await browser.Submit();

        Assert.Equal("/connect/endsession", browser.Location.AbsolutePath);
        await browser.Go(PortalUrl + "/app");
        Assert.Equal("/account/login", browser.Location.AbsolutePath);
    }
}
