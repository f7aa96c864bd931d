namespace CloudOMS.Identity.Tests.Identity;

/// <summary>The factory locks an account after <see cref="IdentityPortal.MaxFailedSignIns"/> wrong passwords.</summary>
[Collection(SignInPortal.Name)]
public sealed class LockoutTests(IdentityPortal portal)
{
    private async Task<string> NewMember()
    {
        var email = Companies.NewEmail("clerk");
        await portal.Invite(portal.DemoApi, "仓储", email);
        return email;
    }

    /// <summary>Wrong passwords up to the limit; returns the status of each attempt.</summary>
    private async Task<List<HttpStatusCode>> WrongPasswords(string email, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var signIn = new InteractiveSignIn(portal);
            await signIn.Start();
            await signIn.Password(email, "wrong-password-" + i);
            statuses.Add(signIn.Browser.Status);
        }
        return statuses;
    }

    private async Task<InteractiveSignIn> RightPassword(string email)
    {
        var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        await signIn.Password(email, Companies.Password);
        return signIn;
    }

    [Fact]
    public async Task Wrong_passwords_up_to_the_limit_lock_the_account_so_the_right_password_is_refused_with_423()
    {
        var email = await NewMember();

        var statuses = await WrongPasswords(email, IdentityPortal.MaxFailedSignIns);

        Assert.All(statuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal((HttpStatusCode)423, statuses[^1]);
        using var signIn = await RightPassword(email);
        Assert.Equal((HttpStatusCode)423, signIn.Browser.Status);
        Assert.Contains("锁定", signIn.Browser.Error);
        Assert.Null(signIn.Browser.Callback);
    }

    [Fact]
    public async Task Fewer_wrong_passwords_than_the_limit_do_not_lock_the_account()
    {
        var email = await NewMember();

        await WrongPasswords(email, IdentityPortal.MaxFailedSignIns - 1);

        using var signIn = await RightPassword(email);
        var tokens = await signIn.Redeem();
        Assert.False(tokens.IsError, $"{tokens.Error} {tokens.ErrorDescription}");
    }

    [Fact]
    public async Task Member_locked_out_by_wrong_two_factor_codes_gets_no_new_access_token_from_a_refresh_token()
    {
        var email = await NewMember();
        var member = await portal.SignInApi(email, Companies.Password);
        var setup = await member.Post<TwoFactorSetupView>("/api/me/2fa/setup", null);
        Assert.Equal(HttpStatusCode.NoContent, (await member.Post("/api/me/2fa/enable", new { code = Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow) })).StatusCode);
        var tokens = await portal.SignIn(email, Companies.Password, twoFactorKey: setup.SharedKey);

        using var signIn = await RightPassword(email);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < IdentityPortal.MaxFailedSignIns; i++)
        {
            await signIn.TwoFactorCode(Totp.WrongCode(setup.SharedKey, DateTimeOffset.UtcNow));
            statuses.Add(signIn.Browser.Status);
        }

        Assert.Equal((HttpStatusCode)423, statuses[^1]);
        var renewed = await portal.Refresh(tokens.RefreshToken!);
        Assert.True(renewed.IsError, "a locked-out member got a new access token");
        Assert.Equal("invalid_grant", renewed.TryGet("error"));
    }

    [Fact]
    public async Task Wrong_passwords_leave_the_members_refresh_token_working()
    {
        var email = await NewMember();
        var tokens = await portal.SignIn(email, Companies.Password);

        await WrongPasswords(email, IdentityPortal.MaxFailedSignIns);

        var renewed = await portal.Refresh(tokens.RefreshToken!);
        Assert.False(renewed.IsError, $"a stranger's wrong passwords cut the member's session: {renewed.Error} {renewed.ErrorDescription}");
    }

    [Fact]
    public async Task Naming_other_addresses_in_x_forwarded_for_does_not_dodge_the_lockout_when_no_proxy_is_configured()
    {
        var email = await NewMember();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= IdentityPortal.MaxFailedSignIns; i++)
        {
            using var signIn = new InteractiveSignIn(portal);
            signIn.Browser.ForwardedFor = $"198.51.100.{i + 1}";
            await signIn.Start();
            await signIn.Password(email, i < IdentityPortal.MaxFailedSignIns ? "wrong-password-" + i : Companies.Password);
            statuses.Add(signIn.Browser.Status);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, (HttpStatusCode)423, (HttpStatusCode)423], statuses);
    }

    [Fact]
    public async Task Lockout_is_in_the_tenant_audit_log_for_an_admin_with_audit_view()
    {
        var email = await NewMember();

        await WrongPasswords(email, IdentityPortal.MaxFailedSignIns);

        var admin = await portal.SignInApi(Seed.AdminEmail, IdentityPortal.DemoPassword);
        var audit = await admin.Get<AuditPageView>("/api/audit?pageSize=200");
        Assert.Contains(audit.Items, e => e.Action == "member.joined" && e.Actor == email);
        Assert.True(audit.Items.Any(e => e.Action == "signin.locked-out" && e.Actor == email),
            $"No signin.locked-out entry for {email} in the demo tenant's audit log; its actions: {string.Join(", ", audit.Items.Select(e => e.Action).Distinct())}");
    }

    [Fact]
    public async Task Unknown_email_is_refused_like_a_wrong_password()
    {
        var known = await NewMember();
        using var unknown = new InteractiveSignIn(portal);
        await unknown.Start();
        await unknown.Password(Companies.NewEmail("nobody"), Companies.Password);
        using var wrong = new InteractiveSignIn(portal);
        await wrong.Start();
        await wrong.Password(known, "wrong-password");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Browser.Status);
        Assert.Equal((wrong.Browser.Status, wrong.Browser.Error), (unknown.Browser.Status, unknown.Browser.Error));
    }
}
