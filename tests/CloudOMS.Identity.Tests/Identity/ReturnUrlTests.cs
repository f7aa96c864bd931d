namespace CloudOMS.Identity.Tests.Identity;

/// <summary>After sign-in the browser goes where returnUrl says only when that is a path on this server.</summary>
[Collection(SignInPortal.Name)]
public sealed class ReturnUrlTests(IdentityPortal portal)
{
    /// <summary>Signs the demo admin in from a login page opened with <paramref name="returnUrl"/>; returns the browser after the password.</summary>
    private async Task<UserAgent> SignInReturningTo(string returnUrl)
    {
        var browser = new UserAgent(portal.Address, IdentityPortal.RedirectUri);
        await browser.Go("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, browser.Status);
        browser.FollowRedirects = false;
        await browser.Submit(("email", Seed.AdminEmail), ("password", IdentityPortal.DemoPassword));
        return browser;
    }

    [Theory]
    [InlineData("/\t/evil.example/phish")]
    [InlineData("/\n/evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("/%2F/evil.example/phish")]
    [InlineData("https://evil.example/phish")]
    public async Task Sign_in_with_a_return_url_off_this_server_lands_in_the_portal(string returnUrl)
    {
        using var browser = await SignInReturningTo(returnUrl);

        Assert.True(browser.Status == HttpStatusCode.Redirect, $"{(int)browser.Status}: {browser.Error ?? browser.Html}");
        Assert.Equal("/app", browser.Redirect);
    }

    [Fact]
    public async Task Sign_in_returns_to_a_local_path_with_its_query()
    {
        using var browser = await SignInReturningTo("/app/orders?status=PendingReview");

        Assert.Equal(HttpStatusCode.Redirect, browser.Status);
        Assert.Equal("/app/orders?status=PendingReview", browser.Redirect);
    }
}
