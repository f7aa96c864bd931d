using CloudOMS.WebPortal.Seeding;

namespace CloudOMS.WebPortal.Tests.Operations;

/// <summary>A portal whose platform operator is the demo clerk's account (Platform:Operators).</summary>
public sealed class OperatorPortalFactory : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new() { Settings = { ["Platform:Operators:0"] = " " + DemoIdentitySeeder.ClerkEmail.ToUpperInvariant() } };

    public Task InitializeAsync() => ((IAsyncLifetime)Portal).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)Portal).DisposeAsync();
}

/// <summary>The Orleans dashboard at /ops/orleans is for the configured platform operators, never for a tenant's people.</summary>
public sealed class OperatorDashboardTests(OperatorPortalFactory fixture) : IClassFixture<OperatorPortalFactory>
{
    private readonly string _url = fixture.Portal.Api.Http.BaseAddress!.ToString().TrimEnd('/');

    [Fact]
    public async Task Dashboard_is_refused_to_a_tenant_admin()
    {
        using var browser = await SignedIn(DemoIdentitySeeder.AdminEmail);

        await browser.Go(_url + "/ops/orleans");
        Assert.Equal(HttpStatusCode.Forbidden, browser.Status);
        Assert.StartsWith("/ops/orleans", browser.Location.AbsolutePath);
        Assert.DoesNotContain("Orleans Dashboard", browser.Html);
        // The data behind the page is refused as well, not only the page.
        await browser.Go(_url + "/ops/orleans/DashboardCounters");
        Assert.Equal(HttpStatusCode.Forbidden, browser.Status);
    }

    [Fact]
    public async Task Dashboard_sends_an_anonymous_caller_to_sign_in()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_url) };
        var response = await anonymous.GetAsync("/ops/orleans/DashboardCounters");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/connect/authorize", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Dashboard_is_served_to_a_configured_operator()
    {
        using var browser = await SignedIn(DemoIdentitySeeder.ClerkEmail);

        await browser.Go(_url + "/ops/orleans");
        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Equal("/ops/orleans/", browser.Location.AbsolutePath);
        Assert.Contains("<title>Orleans Dashboard</title>", browser.Html);
        Assert.Contains("./index.min.js", browser.Html);

        // The page's script and its live data, which lists this portal's silo.
        await browser.Go(_url + "/ops/orleans/index.min.js");
        Assert.Equal(HttpStatusCode.OK, browser.Status);
        await browser.Go(_url + "/ops/orleans/DashboardCounters");
        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Contains(fixture.Portal.SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture), browser.Html);
    }

    private async Task<Browser> SignedIn(string email)
    {
        var browser = new Browser();
        await browser.Go(_url + "/app");
        Assert.Equal("/account/login", browser.Location.AbsolutePath);
        await browser.Submit(("email", email), ("password", "Demo@2026"));
        Assert.Equal("/app", browser.Location.AbsolutePath.TrimEnd('/'));
        return browser;
    }
}
