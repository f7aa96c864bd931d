namespace CloudOMS.Identity.Tests.Identity;

[Collection(SignInPortal.Name)]
public sealed class SignupTests(IdentityPortal portal)
{
    [Fact]
    public async Task New_company_confirms_its_email_signs_in_with_pkce_and_works_in_its_own_tenant()
    {
        var company = await portal.SignUp();
        await portal.Confirm(company.Email);

        var tokens = await portal.SignIn(company.Email, company.Password);
        var api = portal.ApiWith(tokens.AccessToken!);

        var me = await api.Get<MeView>("/api/me");
        Assert.Equal(company.Slug, me.TenantId);
        Assert.Equal(company.Email, me.Actor);
        Assert.Contains("orders.view", me.Permissions);
        Assert.Contains("users.manage", me.Permissions);
        Assert.Null(me.Warehouses);
        Assert.Equal([company.Slug], me.Tenants.Select(t => t.Id));
        var orders = await api.Orders("");
        Assert.Equal(0, orders.Total);
        Assert.NotNull(tokens.IdentityToken);
        Assert.NotNull(tokens.RefreshToken);
    }

    [Fact]
    public async Task Sign_in_before_confirming_the_email_is_refused_and_leaves_no_session()
    {
        var company = await portal.SignUp();
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        Assert.True(signIn.IsAt("/account/login"), $"Expected the login page, at {signIn.Browser.Location}");

        await signIn.Password(company.Email, company.Password);

        Assert.Equal(HttpStatusCode.BadRequest, signIn.Browser.Status);
        Assert.Contains("验证邮箱", signIn.Browser.Error);
        Assert.Null(signIn.Browser.Callback);
        await signIn.Start();
        Assert.True(signIn.IsAt("/account/login"), $"The refused sign-in left a session: at {signIn.Browser.Location}");
    }

    [Fact]
    public async Task Unconfirmed_account_with_a_wrong_password_is_answered_like_an_unknown_address()
    {
        var company = await portal.SignUp();
        using var unconfirmed = new InteractiveSignIn(portal);
        await unconfirmed.Start();
        using var unknown = new InteractiveSignIn(portal);
        await unknown.Start();

        await unconfirmed.Password(company.Email, "wrong-password");
        await unknown.Password(Companies.NewEmail("nobody"), "wrong-password");

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.Browser.Status);
        Assert.Equal((unknown.Browser.Status, unknown.Browser.Error), (unconfirmed.Browser.Status, unconfirmed.Browser.Error));
        Assert.DoesNotContain("confirm", unconfirmed.Browser.Error);
    }

    [Fact]
    public async Task Confirmation_link_with_a_changed_code_is_refused()
    {
        var company = await portal.SignUp();
        var link = portal.Mail.Link(company.Email, "/account/confirm");
        using var browser = new UserAgent(portal.Address, IdentityPortal.RedirectUri);

        await browser.Go(link.Replace("code=", "code=X", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, browser.Status);
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        await signIn.Password(company.Email, company.Password);
        Assert.Contains("验证邮箱", signIn.Browser.Error);
    }

    [Fact]
    public async Task Sign_up_mails_a_confirmation_link_to_the_admin_and_nobody_else()
    {
        var company = await portal.SignUp();

        var mail = Assert.Single(portal.Mail.To(company.Email));
        Assert.Contains(company.Name, mail);
        Assert.StartsWith("/account/confirm?userId=" + company.UserId, portal.Mail.Link(company.Email, "/account/confirm"));
    }
}
