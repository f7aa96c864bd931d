using Duende.IdentityModel.Client;

namespace CloudOMS.Identity.Tests.Identity;

/// <summary>
/// Each purpose has its own budget, per client address behind the proxy, per API client or per account, and every
/// refusal is a 429 with Retry-After: one caller's wrong passwords cost nobody else their sign-in or their tokens.
/// </summary>
[Collection(ProxiedPortalCollection.Name)]
public sealed class RateLimitTests(ProxiedPortal fixture)
{
    private IdentityPortal Portal => fixture.Portal;

    /// <summary>A wrong password for an address nobody has, from <paramref name="address"/>.</summary>
    private async Task<UserAgent> WrongPassword(string address)
    {
        var browser = new UserAgent(Portal.Address, IdentityPortal.RedirectUri) { ForwardedFor = address };
        await browser.Go("/account/login");
        await browser.Submit(("email", Companies.NewEmail("nobody")), ("password", "wrong-password"));
        return browser;
    }

    private async Task<TokenResponse> Token(NewApiClientView client, string address)
    {
        using var http = Portal.NewHttp();
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = client.ClientId, ClientSecret = client.ClientSecret, Scope = "cloudoms.api",
        });
    }

    private async Task<HttpResponseMessage> SignUp(string address)
    {
        using var http = Portal.NewHttp();
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return await http.PostAsJsonAsync("/api/signup", Companies.NewSignup(), OmsClient.Json);
    }

    private Task<NewApiClientView> NewClient() =>
        Portal.DemoApi.Post<NewApiClientView>("/api/api-clients", new ApiClientBody($"对接 {Guid.NewGuid():N}"[..12], ["orders.view"]), HttpStatusCode.Created);

    private static void TooMany(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter?.Delta > TimeSpan.Zero,
            $"Expected 429 with Retry-After, got {(int)response.StatusCode} (Retry-After {response.Headers.RetryAfter})");

    [Fact]
    public async Task Wrong_passwords_past_an_addresss_sign_in_limit_leave_its_integration_tokens_and_sign_up_working()
    {
        var address = ProxiedPortal.NewAddress();
        var client = await NewClient();

        var attempts = new List<UserAgent>();
        for (var i = 0; i <= ProxiedPortal.SignInsPerMinute; i++) attempts.Add(await WrongPassword(address));

        Assert.All(attempts.SkipLast(1), a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, attempts[^1].Status);
        Assert.True(attempts[^1].RetryAfter > 0, "the 429 carries no Retry-After");
        var token = await Token(client, address);
        Assert.False(token.IsError, $"{(int)token.HttpStatusCode} {token.Error} {token.ErrorDescription}");
        Assert.Equal(HttpStatusCode.Created, (await SignUp(address)).StatusCode);
        attempts.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task One_address_at_its_sign_in_limit_leaves_another_address_signing_in()
    {
        var busy = ProxiedPortal.NewAddress();
        for (var i = 0; i <= ProxiedPortal.SignInsPerMinute; i++) (await WrongPassword(busy)).Dispose();

        using var signIn = new InteractiveSignIn(Portal);
        signIn.Browser.ForwardedFor = ProxiedPortal.NewAddress();
        await signIn.Start();
        await signIn.Password(Seed.ClerkEmail, IdentityPortal.DemoPassword);

        Assert.False((await signIn.Redeem()).IsError);
    }

    [Fact]
    public async Task Client_credentials_are_limited_per_client_and_another_client_goes_on()
    {
        var (busy, other) = (await NewClient(), await NewClient());
        for (var i = 0; i < ProxiedPortal.ClientTokensPerMinute; i++)
            Assert.False((await Token(busy, ProxiedPortal.NewAddress())).IsError);

        var refused = await Token(busy, ProxiedPortal.NewAddress());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.HttpStatusCode);
        Assert.True(refused.HttpResponse!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "the 429 carries no Retry-After");
        Assert.False((await Token(other, ProxiedPortal.NewAddress())).IsError);
    }

    [Fact]
    public async Task Sign_ups_are_limited_per_address()
    {
        var address = ProxiedPortal.NewAddress();
        for (var i = 0; i < ProxiedPortal.SignupsPerHour; i++) Assert.Equal(HttpStatusCode.Created, (await SignUp(address)).StatusCode);

        TooMany(await SignUp(address));
        Assert.Equal(HttpStatusCode.Created, (await SignUp(ProxiedPortal.NewAddress())).StatusCode);
    }

    [Fact]
    public async Task Reset_mails_are_limited_per_account_and_address()
    {
        var email = Companies.NewEmail("clerk");
        await Portal.Invite(Portal.DemoApi, "仓储", email);
        var address = ProxiedPortal.NewAddress();
        async Task<UserAgent> Ask(string from)
        {
            var browser = new UserAgent(Portal.Address, IdentityPortal.RedirectUri) { ForwardedFor = from };
            await browser.Go("/account/forgot");
            await browser.Submit(("email", email));
            return browser;
        }
        for (var i = 0; i < ProxiedPortal.ResetMailsPerAccountPerHour; i++) Assert.Equal(HttpStatusCode.OK, (await Ask(address)).Status);
        int Resets() => Portal.Mail.To(email).Count(m => m.Contains("/account/reset?", StringComparison.Ordinal));

        using var refused = await Ask(address);
        using var elsewhere = await Ask(ProxiedPortal.NewAddress());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.True(refused.RetryAfter > 0, "the 429 carries no Retry-After");
        Assert.Equal(HttpStatusCode.OK, elsewhere.Status);
        Assert.Equal(ProxiedPortal.ResetMailsPerAccountPerHour + 1, Resets());
    }

    [Fact]
    public async Task Confirmation_mails_are_limited_per_account_and_address_like_reset_mails()
    {
        var email = Companies.NewSignup().Email!;
        using (var http = Portal.NewHttp())
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", ProxiedPortal.NewAddress());
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/signup", Companies.NewSignup() with { Email = email }, OmsClient.Json)).StatusCode);
        }
        var address = ProxiedPortal.NewAddress();
        async Task<UserAgent> Ask(string from)
        {
            var browser = new UserAgent(Portal.Address, IdentityPortal.RedirectUri) { ForwardedFor = from };
            await browser.Go("/account/confirm/resend");
            await browser.Submit(("email", email));
            return browser;
        }
        for (var i = 0; i < ProxiedPortal.ResetMailsPerAccountPerHour; i++) Assert.Equal(HttpStatusCode.OK, (await Ask(address)).Status);

        using var refused = await Ask(address);
        using var elsewhere = await Ask(ProxiedPortal.NewAddress());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.True(refused.RetryAfter > 0, "the 429 carries no Retry-After");
        Assert.Equal(HttpStatusCode.OK, elsewhere.Status);
        // The sign-up's own mail, then one for each answered request.
        Assert.Equal(ProxiedPortal.ResetMailsPerAccountPerHour + 2, Portal.Mail.To(email).Count(m => m.Contains("/account/confirm?", StringComparison.Ordinal)));
    }
}
