namespace CloudOMS.Identity.Tests.Identity;

/// <summary>A portal whose public address is configured, as a deployment behind its own domain has it.</summary>
public sealed class PublicAddressPortal : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://oms.tests.cloudoms.cn";

    public IdentityPortal Portal { get; } = new();

    public PublicAddressPortal() => Portal.Factory.Settings["Identity:PublicBaseUrl"] = PublicBaseUrl;

    public Task InitializeAsync() => Portal.InitializeAsync();

    public Task DisposeAsync() => Portal.DisposeAsync();
}

/// <summary>Every link CloudOMS mails points at its configured public address, whatever Host the request named.</summary>
public sealed class PublicLinkTests(PublicAddressPortal fixture) : IClassFixture<PublicAddressPortal>
{
    private const string EvilHost = "evil.example.com";

    private IdentityPortal Portal => fixture.Portal;

    /// <summary>The links in the newest mail to <paramref name="email"/>.</summary>
    private string LatestMail(string email)
    {
        var mail = Portal.Mail.To(email);
        Assert.NotEmpty(mail);
        return mail[^1];
    }

    private static void PointsAtThePublicAddress(string mail, string path)
    {
        Assert.DoesNotContain(EvilHost, mail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"href=\"{PublicAddressPortal.PublicBaseUrl}{path}", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_link_points_at_the_public_address_when_the_request_names_another_host()
    {
        var (company, _) = await Portal.NewCompany();
        using var browser = new UserAgent(Portal.Address, IdentityPortal.RedirectUri) { Host = EvilHost };
        await browser.Go("/account/forgot");

        await browser.Submit(("email", company.Email));

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        PointsAtThePublicAddress(LatestMail(company.Email), "/account/reset?");
    }

    [Fact]
    public async Task Confirmation_link_points_at_the_public_address_when_the_request_names_another_host()
    {
        var body = Companies.NewSignup();
        using var http = Portal.NewHttp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/signup") { Content = JsonContent.Create(body, options: OmsClient.Json) };
        request.Headers.Host = EvilHost;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        PointsAtThePublicAddress(LatestMail(body.Email!), "/account/confirm?");
    }

    /// <summary>A bearer token is good only for the host that issued it, so here the request's Host is the server's own.</summary>
    [Fact]
    public async Task Invitation_link_points_at_the_public_address_not_at_the_host_the_request_named()
    {
        var email = Companies.NewEmail("invited");
        var role = await Portal.DemoApi.Role("销售");

        await Portal.DemoApi.Post<System.Text.Json.JsonElement>("/api/users/invitations", new InviteBody(email, [role.Id]), HttpStatusCode.Created);

        var mail = LatestMail(email);
        PointsAtThePublicAddress(mail, "/account/invite?");
        Assert.DoesNotContain(Portal.Address.Authority, mail, StringComparison.Ordinal);
    }
}
