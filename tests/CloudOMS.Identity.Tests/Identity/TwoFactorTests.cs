namespace CloudOMS.Identity.Tests.Identity;

/// <summary>Authenticator (TOTP) two-factor sign-in, enrolled through the API.</summary>
[Collection(AdminPortal.Name)]
public sealed class TwoFactorTests(IdentityPortal portal)
{
    /// <summary>A new member who enrolled an authenticator; returns the email and the shared key.</summary>
    private async Task<(string Email, string Key)> EnrolledMember()
    {
        var email = Companies.NewEmail("finance");
        await portal.Invite(portal.DemoApi, "财务", email);
        var member = await portal.SignInApi(email, Companies.Password);
        var setup = await member.Post<TwoFactorSetupView>("/api/me/2fa/setup", null);
        Assert.Contains($"secret={setup.SharedKey}", setup.AuthenticatorUri);
        var enable = await member.Post("/api/me/2fa/enable", new { code = Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.NoContent, enable.StatusCode);
        return (email, setup.SharedKey);
    }

    [Fact]
    public async Task Enrolled_member_is_asked_for_a_code_and_the_right_code_completes_sign_in()
    {
        var (email, key) = await EnrolledMember();
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start();

        await signIn.Password(email, Companies.Password);
        Assert.True(signIn.IsAt("/account/2fa"), $"Expected the code page, at {signIn.Browser.Location} ({(int)signIn.Browser.Status})");
        await signIn.TwoFactorCode(Totp.Code(key, DateTimeOffset.UtcNow));

        var tokens = await signIn.Redeem();
        Assert.False(tokens.IsError, $"{tokens.Error} {tokens.ErrorDescription}");
        var me = await portal.ApiWith(tokens.AccessToken!).Get<MeView>("/api/me");
        Assert.Equal((Seed.Tenant, email), (me.TenantId, me.Actor));
    }

    [Fact]
    public async Task Wrong_code_is_refused_and_the_password_alone_gives_no_tokens()
    {
        var (email, key) = await EnrolledMember();
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        await signIn.Password(email, Companies.Password);

        await signIn.TwoFactorCode(Totp.WrongCode(key, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.Browser.Status);
        Assert.Contains("验证码不正确", signIn.Browser.Error);
        Assert.Null(signIn.Browser.Callback);
        await signIn.Start();
        Assert.Null(signIn.Browser.Callback);
        Assert.True(signIn.IsAt("/account/login"), $"Password without code reached {signIn.Browser.Location}");
    }

    [Fact]
    public async Task Enable_refuses_a_wrong_code_and_two_factor_stays_off()
    {
        var email = Companies.NewEmail("finance");
        await portal.Invite(portal.DemoApi, "财务", email);
        var member = await portal.SignInApi(email, Companies.Password);
        var setup = await member.Post<TwoFactorSetupView>("/api/me/2fa/setup", null);

        await OmsClient.FieldError(await member.Post("/api/me/2fa/enable", new { code = Totp.WrongCode(setup.SharedKey, DateTimeOffset.UtcNow) }), "code");

        Assert.False((await portal.DemoApi.Get<List<MemberView>>("/api/users")).Single(m => m.Email == email).TwoFactorEnabled);
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        await signIn.Password(email, Companies.Password);
        Assert.NotNull(signIn.Browser.Callback);
    }

    [Fact]
    public async Task Api_client_has_no_authenticator_to_enrol()
    {
        var problem = await OmsClient.Problem(await portal.DemoApi.Post("/api/me/2fa/setup"), HttpStatusCode.BadRequest);

        Assert.Contains("仅限用户账号", problem.Detail);
    }

    [Fact]
    public async Task Enrolment_page_does_not_show_the_key_of_an_authenticator_already_enrolled()
    {
        var (email, key) = await EnrolledMember();
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        await signIn.Password(email, Companies.Password);
        await signIn.TwoFactorCode(Totp.Code(key, DateTimeOffset.UtcNow));
        Assert.NotNull(signIn.Browser.Callback);

        // Whoever holds the session (a shared computer, a stolen cookie) must not read the secret of the second factor.
        await signIn.Browser.Go($"/account/2fa/setup?tenant={Seed.Tenant}");

        Assert.False(signIn.Browser.Html.Contains(key, StringComparison.OrdinalIgnoreCase),
            $"/account/2fa/setup shows the enrolled shared key to the session ({(int)signIn.Browser.Status})");
    }
}
