namespace CloudOMS.WebPortal.Testing;

/// <summary>A company signed up through the public sign-up API, and its admin.</summary>
public sealed record Company(string Slug, string Name, string Email, string Password, string UserId);

/// <summary>Sign-up, email confirmation and invitations, the way a person does them: through the API, the mail and the pages.</summary>
public static class Companies
{
    public const string Password = "Passw0rd-2026";

    /// <summary>A valid sign-up with a slug and email no one has; tests change one field with <c>with</c>.</summary>
    public static SignupBody NewSignup()
    {
        var slug = "t" + Guid.NewGuid().ToString("N")[..12];
        return new SignupBody($"测试商贸 {slug}", slug, "张测试", "0539-1234567", $"admin@{slug}.tests.cloudoms.cn", Password);
    }

    public static async Task<Company> SignUp(this IdentityPortal portal, SignupBody? body = null)
    {
        body ??= NewSignup();
        using var http = portal.NewHttp();
        var created = await OmsClient.Read<SignupView>(await http.PostAsJsonAsync("/api/signup", body, OmsClient.Json), HttpStatusCode.Created);
        Assert.Equal(body.Slug, created.TenantId);
        return new Company(body.Slug!, body.CompanyName!, body.Email!, body.Password!, created.UserId);
    }

    /// <summary>Follows the confirmation link mailed to <paramref name="email"/>.</summary>
    public static async Task Confirm(this IdentityPortal portal, string email)
    {
        using var browser = new UserAgent(portal.Address, IdentityPortal.RedirectUri);
        await browser.Go(portal.Mail.Link(email, "/account/confirm"));
        Assert.True(browser.Status == HttpStatusCode.OK, $"Confirmation answered {(int)browser.Status}: {browser.Error}");
    }

    /// <summary>Signs up, confirms and signs in the admin of a new company.</summary>
    public static async Task<(Company Company, OmsClient Admin)> NewCompany(this IdentityPortal portal, SignupBody? body = null)
    {
        var company = await portal.SignUp(body);
        await portal.Confirm(company.Email);
        return (company, await portal.SignInApi(company.Email, company.Password));
    }

    public static async Task<RoleView> Role(this OmsClient admin, string name) =>
        (await admin.Get<List<RoleView>>("/api/roles")).Single(r => r.Name == name);

    /// <summary>
    /// Invites <paramref name="email"/> (a new person unless given) with the tenant's role
    /// <paramref name="roleName"/> and accepts through the mailed link; returns the member's user id.
    /// </summary>
    public static async Task<string> Invite(this IdentityPortal portal, OmsClient admin, string roleName, string email, string password = Password)
    {
        var role = await admin.Role(roleName);
        await admin.Post<System.Text.Json.JsonElement>("/api/users/invitations", new InviteBody(email, [role.Id]), HttpStatusCode.Created);
        using var browser = new UserAgent(portal.Address, IdentityPortal.RedirectUri);
        await browser.Go(portal.Mail.Link(email, "/account/invite"));
        await browser.Submit(("name", "新同事"), ("password", password));
        Assert.True(browser.Status == HttpStatusCode.OK, $"Accepting the invitation answered {(int)browser.Status}: {browser.Error}");
        return (await admin.Get<List<MemberView>>("/api/users")).Single(m => m.Email == email).Id;
    }

    public static string NewEmail(string who = "user") => $"{who}-{Guid.NewGuid():N}@tests.cloudoms.cn";
}
