namespace CloudOMS.WebPortal.Tests.Portal;

/// <summary>
/// The language switch and the sign-in renewal after a password change return only to a path of this portal, and
/// never fail on a strange target.
/// </summary>
[Collection(StockPortal.Name)]
public sealed class RedirectTargetTests(PortalFactory portal)
{
    private async Task<HttpResponseMessage> SwitchTo(string culture, string returnUrl)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.Api.Http.BaseAddress };
        return await http.GetAsync($"/culture/{culture}?returnUrl={Uri.EscapeDataString(returnUrl)}");
    }

    private static string? Location(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Location", out var values) ? values.ToString() : null;

    [Theory]
    [InlineData("/\t/evil.example/phish")]
    [InlineData("/\n/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/%2F/evil.example")]
    public async Task A_return_url_off_this_portal_lands_on_the_portal_home(string returnUrl)
    {
        var response = await SwitchTo("en", returnUrl);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("/app", Location(response));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_local_return_url_is_followed_with_its_query()
    {
        var response = await SwitchTo("zh-CN", "/app/orders?status=PendingReview");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/app/orders?status=PendingReview", Location(response));
    }

    [Theory]
    [InlineData("/\r\nX-Fuzz: 1")]
    [InlineData("//evil.example")]
    [InlineData("/%2F/evil.example")]
    public async Task A_renewal_with_a_return_url_off_this_portal_or_a_header_in_it_lands_on_the_portal_home(string returnUrl)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.Api.Http.BaseAddress };
        var response = await http.GetAsync($"/portal/renew?ticket=forged&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("/app", Location(response));
    }
}
