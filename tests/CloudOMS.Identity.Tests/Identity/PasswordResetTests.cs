namespace CloudOMS.Identity.Tests.Identity;

/// <summary>Forgotten password: a link by mail, a new password, and a trace in the company's audit log.</summary>
[Collection(SignInPortal.Name)]
public sealed class PasswordResetTests(IdentityPortal portal)
{
    private const string NewPassword = "Fresh-pass-77";

    private async Task AskForLink(string email)
    {
        using var browser = new UserAgent(portal.Address, IdentityPortal.RedirectUri);
        await browser.Go("/account/forgot");
        await browser.Submit(("email", email));
        Assert.Equal(HttpStatusCode.OK, browser.Status);
    }

    private async Task<UserAgent> Reset(string email, string password)
    {
        var browser = new UserAgent(portal.Address, IdentityPortal.RedirectUri);
        await browser.Go(portal.Mail.Link(email, "/account/reset"));
        await browser.Submit(("password", password));
        return browser;
    }

    [Fact]
    public async Task Reset_link_sets_a_new_password_and_the_old_one_stops_working()
    {
        var (company, _) = await portal.NewCompany();
        await AskForLink(company.Email);

        using var reset = await Reset(company.Email, NewPassword);

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal(company.Slug, (await (await portal.SignInApi(company.Email, NewPassword)).Get<MeView>("/api/me")).TenantId);
        using var old = new InteractiveSignIn(portal);
        await old.Start();
        await old.Password(company.Email, company.Password);
        Assert.Equal(HttpStatusCode.BadRequest, old.Browser.Status);
    }

    [Fact]
    public async Task Reset_link_asked_with_another_host_name_points_at_this_server_and_works_here()
    {
        var (company, _) = await portal.NewCompany();
        using (var asker = new UserAgent(portal.Address, IdentityPortal.RedirectUri) { Host = "evil.example.com" })
        {
            await asker.Go("/account/forgot");
            await asker.Submit(("email", company.Email));
            Assert.Equal(HttpStatusCode.OK, asker.Status);
        }

        var mail = portal.Mail.To(company.Email)[^1];
        Assert.DoesNotContain("evil.example.com", mail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"href=\"{portal.Address.GetLeftPart(UriPartial.Authority)}/account/reset?", mail, StringComparison.Ordinal);
        using var reset = await Reset(company.Email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, reset.Status);
    }

    [Fact]
    public async Task Reset_link_works_once()
    {
        var (company, _) = await portal.NewCompany();
        await AskForLink(company.Email);
        using var first = await Reset(company.Email, NewPassword);

        using var second = await Reset(company.Email, "Another-pass-88");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        await portal.SignIn(company.Email, NewPassword);
    }

    [Fact]
    public async Task Unknown_or_unconfirmed_address_gets_the_same_answer_and_no_mail()
    {
        var unconfirmed = await portal.SignUp();
        var unknown = Companies.NewEmail("nobody");

        await AskForLink(unknown);
        await AskForLink(unconfirmed.Email);

        Assert.Empty(portal.Mail.To(unknown));
        Assert.DoesNotContain(portal.Mail.To(unconfirmed.Email), m => m.Contains("/account/reset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Password_reset_is_in_the_company_audit_log()
    {
        var (company, admin) = await portal.NewCompany();
        await AskForLink(company.Email);

        using var reset = await Reset(company.Email, NewPassword);

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        var audit = await admin.Get<AuditPageView>("/api/audit");
        Assert.Contains(audit.Items, e => e.Action == "signin" && e.Actor == company.Email);
        Assert.True(audit.Items.Any(e => e.Action == "password.reset" && e.Actor == company.Email),
            $"No password.reset entry in {company.Slug}'s audit log; its actions: {string.Join(", ", audit.Items.Select(e => e.Action))}");
    }
}
