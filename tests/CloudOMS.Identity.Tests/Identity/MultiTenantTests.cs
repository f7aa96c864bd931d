namespace CloudOMS.Identity.Tests.Identity;

/// <summary>One person in two companies: the company is chosen at sign-in, and the token is for that one only.</summary>
[Collection(SignInPortal.Name)]
public sealed class MultiTenantTests(IdentityPortal portal)
{
    /// <summary>The admin of a new company, invited into the demo tenant as 销售 too.</summary>
    private async Task<Company> MemberOfTwo()
    {
        var (company, _) = await portal.NewCompany();
        await portal.Invite(portal.DemoApi, "销售", company.Email, company.Password);
        return company;
    }

    private async Task<InteractiveSignIn> AtTenantChoice(Company company)
    {
        var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        await signIn.Password(company.Email, company.Password);
        Assert.True(signIn.IsAt("/account/tenant"), $"Expected the company choice, at {signIn.Browser.Location} ({(int)signIn.Browser.Status})");
        return signIn;
    }

    [Fact]
    public async Task Member_of_two_companies_chooses_one_and_gets_a_token_for_that_one()
    {
        var company = await MemberOfTwo();

        using (var signIn = await AtTenantChoice(company))
        {
            Assert.Equal(new[] { company.Slug, Seed.Tenant }.Order(), signIn.Browser.Options("tenant").Order());
            await signIn.ChooseTenant(Seed.Tenant);
            var demo = portal.ApiWith((await signIn.Redeem()).AccessToken!);
            var me = await demo.Get<MeView>("/api/me");
            Assert.Equal(Seed.Tenant, me.TenantId);
            Assert.DoesNotContain("users.manage", me.Permissions);
            Assert.Equal(new[] { company.Slug, Seed.Tenant }.Order(), me.Tenants.Select(t => t.Id).Order());
            Assert.True((await demo.Orders("pageSize=1")).Total > 0);
            await OmsClient.Problem(await demo.Get("/api/users"), HttpStatusCode.Forbidden);
        }
        using (var signIn = await AtTenantChoice(company))
        {
            await signIn.ChooseTenant(company.Slug);
            var own = portal.ApiWith((await signIn.Redeem()).AccessToken!);
            Assert.Equal(company.Slug, (await own.Get<MeView>("/api/me")).TenantId);
            Assert.Equal(0, (await own.Orders("pageSize=1")).Total);
            Assert.Single(await own.Get<List<MemberView>>("/api/users"));
        }
    }

    [Fact]
    public async Task Choosing_a_company_the_user_does_not_belong_to_is_refused()
    {
        var company = await MemberOfTwo();
        var (stranger, _) = await portal.NewCompany();
        using var signIn = await AtTenantChoice(company);

        await signIn.ChooseTenant(stranger.Slug);

        Assert.Equal(HttpStatusCode.Forbidden, signIn.Browser.Status);
        Assert.Null(signIn.Browser.Callback);
        await signIn.Start();
        Assert.True(signIn.IsAt("/account/tenant"), $"The refused choice still entered a company: at {signIn.Browser.Location}");
    }

    [Fact]
    public async Task Company_page_lists_only_the_users_own_companies()
    {
        var company = await MemberOfTwo();
        await portal.NewCompany();

        using var signIn = await AtTenantChoice(company);

        Assert.Equal(2, signIn.Browser.Options("tenant").Count);
    }

    [Fact]
    public async Task Deactivated_membership_in_one_company_leaves_the_other_usable()
    {
        var company = await MemberOfTwo();
        var userId = (await portal.DemoApi.Get<List<MemberView>>("/api/users")).Single(m => m.Email == company.Email).Id;
        Assert.Equal(company.UserId, userId);

        await portal.DemoApi.Post($"/api/users/{userId}/deactivate");

        // One active company left: no choice to make, and the token is for that company.
        var tokens = await portal.SignIn(company.Email, company.Password);
        Assert.Equal(company.Slug, (await portal.ApiWith(tokens.AccessToken!).Get<MeView>("/api/me")).TenantId);
    }

    [Fact]
    public async Task Accepting_an_invitation_as_an_existing_user_needs_that_users_password()
    {
        var (company, _) = await portal.NewCompany();
        var role = await portal.DemoApi.Role("销售");
        await portal.DemoApi.Post<System.Text.Json.JsonElement>("/api/users/invitations", new InviteBody(company.Email, [role.Id]), HttpStatusCode.Created);
        using var browser = new UserAgent(portal.Address, IdentityPortal.RedirectUri);
        await browser.Go(portal.Mail.Link(company.Email, "/account/invite"));

        await browser.Submit(("name", "冒名者"), ("password", "Someone-else-1"));

        Assert.Equal(HttpStatusCode.BadRequest, browser.Status);
        Assert.DoesNotContain(await portal.DemoApi.Get<List<MemberView>>("/api/users"), m => m.Email == company.Email);
    }
}
