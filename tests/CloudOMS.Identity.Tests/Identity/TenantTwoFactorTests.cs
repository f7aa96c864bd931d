namespace CloudOMS.Identity.Tests.Identity;

/// <summary>A company that requires two-factor sign-in of all its members.</summary>
[Collection(AdminPortal.Name)]
public sealed class TenantTwoFactorTests(IdentityPortal portal)
{
    private async Task<Company> CompanyRequiringTwoFactor()
    {
        var (company, admin) = await portal.NewCompany();
        var response = await admin.Put("/api/tenant/security", new { requireTwoFactor = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return company;
    }

    [Fact]
    public async Task Member_without_two_factor_gets_no_tokens_until_an_authenticator_is_enrolled()
    {
        var company = await CompanyRequiringTwoFactor();
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start();

        await signIn.Password(company.Email, company.Password);
        Assert.True(signIn.IsAt("/account/2fa/setup"), $"Expected enrolment, at {signIn.Browser.Location} ({(int)signIn.Browser.Status})");
        var key = signIn.Browser.Text("key");
        Assert.False(string.IsNullOrEmpty(key), $"No key on the enrolment page:\n{signIn.Browser.Html}");

        // The password session alone reaches no callback: authorize sends it back to choose (and enrol).
        await signIn.Start();
        Assert.True(signIn.IsAt("/account/tenant"), $"Expected the company choice, at {signIn.Browser.Location}");
        await signIn.ChooseTenant(company.Slug);
        Assert.True(signIn.IsAt("/account/2fa/setup"), $"Expected enrolment again, at {signIn.Browser.Location}");

        await signIn.TwoFactorCode(Totp.Code(key, DateTimeOffset.UtcNow));
        var tokens = await signIn.Redeem();
        Assert.False(tokens.IsError, $"{tokens.Error} {tokens.ErrorDescription}");
        var admin = portal.ApiWith(tokens.AccessToken!);
        Assert.Equal(company.Slug, (await admin.Get<MeView>("/api/me")).TenantId);
        Assert.True((await admin.Get<List<MemberView>>("/api/users")).Single().TwoFactorEnabled);
    }

    [Fact]
    public async Task Wrong_code_at_required_enrolment_is_refused_and_two_factor_stays_off()
    {
        var company = await CompanyRequiringTwoFactor();
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        await signIn.Password(company.Email, company.Password);
        var key = signIn.Browser.Text("key")!;

        await signIn.TwoFactorCode(Totp.WrongCode(key, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.Browser.Status);
        Assert.Null(signIn.Browser.Callback);
        using var again = new InteractiveSignIn(portal);
        await again.Start();
        await again.Password(company.Email, company.Password);
        Assert.True(again.IsAt("/account/2fa/setup"), $"Two-factor was switched on by a wrong code: at {again.Browser.Location}");
    }

    [Fact]
    public async Task Turning_the_requirement_off_lets_members_sign_in_with_the_password_alone()
    {
        var (company, admin) = await portal.NewCompany();
        await admin.Put("/api/tenant/security", new { requireTwoFactor = true });

        var off = await admin.Put("/api/tenant/security", new { requireTwoFactor = false });

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var tokens = await portal.SignIn(company.Email, company.Password);
        Assert.Equal(company.Slug, (await portal.ApiWith(tokens.AccessToken!).Get<MeView>("/api/me")).TenantId);
    }

    [Fact]
    public async Task Signed_in_session_without_two_factor_gets_no_new_code_once_the_company_requires_it()
    {
        var (company, admin) = await portal.NewCompany();
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        await signIn.Password(company.Email, company.Password);
        Assert.False((await signIn.Redeem()).IsError);

        await admin.Put("/api/tenant/security", new { requireTwoFactor = true });

        await signIn.Start();
        Assert.True(signIn.Browser.Callback is null, $"The session signed the member into {company.Slug} without two-factor: {signIn.Browser.Callback}");
    }

    [Fact]
    public async Task Refresh_token_of_a_member_without_two_factor_stops_once_the_company_requires_it()
    {
        var (company, admin) = await portal.NewCompany();
        var tokens = await portal.SignIn(company.Email, company.Password);

        await admin.Put("/api/tenant/security", new { requireTwoFactor = true });

        var renewed = await portal.Refresh(tokens.RefreshToken!);
        Assert.True(renewed.IsError, "a member without two-factor renewed access to a company that requires it");
        Assert.Equal("invalid_grant", renewed.TryGet("error"));
    }
}
