namespace CloudOMS.Identity.Tests.Identity;

/// <summary>A person whose confirmation mail went missing asks for a new link; the page tells nobody which addresses have accounts.</summary>
[Collection(SignInPortal.Name)]
public sealed class ResendConfirmationTests(IdentityPortal portal)
{
    private async Task<UserAgent> Ask(string email)
    {
        var browser = new UserAgent(portal.Address, IdentityPortal.RedirectUri);
        await browser.Go($"/account/confirm/resend?email={Uri.EscapeDataString(email)}");
        await browser.Submit(("email", email));
        return browser;
    }

    private int ConfirmationLinks(string email) => portal.Mail.To(email).Count(m => m.Contains("/account/confirm?", StringComparison.Ordinal));

    [Fact]
    public async Task Unconfirmed_account_gets_a_fresh_link_that_confirms_it_and_then_signs_in()
    {
        var company = await portal.SignUp();
        Assert.Equal(1, ConfirmationLinks(company.Email));

        using var asked = await Ask(company.Email);

        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Equal(2, ConfirmationLinks(company.Email));
        await portal.Confirm(company.Email);
        Assert.Equal(company.Slug, (await (await portal.SignInApi(company.Email, company.Password)).Get<MeView>("/api/me")).TenantId);
    }

    [Fact]
    public async Task Unknown_confirmed_and_unconfirmed_addresses_get_the_same_answer_and_only_the_unconfirmed_one_a_mail()
    {
        var unconfirmed = await portal.SignUp();
        var (confirmed, _) = await portal.NewCompany();
        var unknown = Companies.NewEmail("nobody");
        var before = ConfirmationLinks(confirmed.Email);

        using var a = await Ask(unconfirmed.Email);
        using var b = await Ask(confirmed.Email);
        using var c = await Ask(unknown);

        Assert.All(new[] { a, b, c }, page => Assert.Equal(HttpStatusCode.OK, page.Status));
        Assert.Equal(a.Text("confirmation-sent"), b.Text("confirmation-sent"));
        Assert.Equal(a.Text("confirmation-sent"), c.Text("confirmation-sent"));
        Assert.NotEmpty(a.Text("confirmation-sent")!);
        Assert.Equal(2, ConfirmationLinks(unconfirmed.Email));
        Assert.Equal(before, ConfirmationLinks(confirmed.Email));
        Assert.Empty(portal.Mail.To(unknown));
    }

    [Fact]
    public async Task Sign_in_refused_for_an_unconfirmed_email_and_the_signed_up_page_link_to_a_new_confirmation_mail()
    {
        var company = await portal.SignUp();
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        await signIn.Password(company.Email, company.Password);

        using var signup = new UserAgent(portal.Address, IdentityPortal.RedirectUri);
        await signup.Go("/account/signup");
        var body = Companies.NewSignup();
        await signup.Submit(("companyName", body.CompanyName!), ("slug", body.Slug!), ("contactName", body.ContactName!), ("phone", ""),
            ("email", body.Email!), ("password", body.Password!));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.Browser.Status);
        Assert.Contains($"/account/confirm/resend?email={Uri.EscapeDataString(company.Email)}", WebUtility.HtmlDecode(signIn.Browser.Html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signup.Status);
        Assert.Contains($"/account/confirm/resend?email={Uri.EscapeDataString(body.Email!)}", WebUtility.HtmlDecode(signup.Html), StringComparison.Ordinal);
    }
}
