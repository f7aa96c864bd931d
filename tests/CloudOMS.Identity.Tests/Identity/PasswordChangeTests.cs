namespace CloudOMS.Identity.Tests.Identity;

/// <summary>A signed-in user changes their password: the current one is checked, the rules come first, earlier tokens end.</summary>
[Collection(SignInPortal.Name)]
public sealed class PasswordChangeTests(IdentityPortal portal)
{
    private const string NewPassword = "Changed-pass-42";

    [Fact]
    public async Task Wrong_current_password_is_a_400_on_that_field_in_the_users_language_and_changes_nothing()
    {
        var (company, admin) = await portal.NewCompany();

        var wrong = await OmsClient.FieldError(await admin.Post("/api/me/password", new PasswordBody("Not-my-pass-1", NewPassword, NewPassword)), "currentPassword");
        var weak = await OmsClient.FieldError(await admin.Post("/api/me/password", new PasswordBody(company.Password, "short", "short")), "newPassword");
        var differ = await OmsClient.FieldError(await admin.Post("/api/me/password", new PasswordBody(company.Password, NewPassword, NewPassword + "x")), "confirmPassword");

        Assert.Equal("当前密码不正确", wrong.Errors!["currentPassword"][0]);
        Assert.Contains("8", weak.Errors!["newPassword"][0], StringComparison.Ordinal);
        Assert.NotEmpty(differ.Errors!["confirmPassword"][0]);
        await portal.SignIn(company.Email, company.Password);
        var audit = await admin.Get<AuditPageView>("/api/audit");
        Assert.Contains(audit.Items, e => e.Action == "password.change-refused");
    }

    [Fact]
    public async Task New_password_signs_in_the_old_one_does_not_and_tokens_issued_before_stop_working()
    {
        var (company, admin) = await portal.NewCompany();
        var otherSession = await portal.SignInApi(company.Email, company.Password);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Post("/api/me/password", new PasswordBody(company.Password, NewPassword, NewPassword))).StatusCode);

        await OmsClient.Problem(await otherSession.Get("/api/me"), HttpStatusCode.Unauthorized);
        var fresh = await portal.SignInApi(company.Email, NewPassword);
        Assert.Equal(company.Slug, (await fresh.Get<MeView>("/api/me")).TenantId);
        using var old = new InteractiveSignIn(portal);
        await old.Start();
        await old.Password(company.Email, company.Password);
        Assert.Equal(HttpStatusCode.BadRequest, old.Browser.Status);
        Assert.Contains((await fresh.Get<AuditPageView>("/api/audit")).Items, e => e.Action == "password.changed" && e.Actor == company.Email);
    }

    [Fact]
    public async Task Wrong_current_passwords_count_like_wrong_sign_ins_and_end_in_a_429_with_retry_after()
    {
        var (company, admin) = await portal.NewCompany();
        for (var i = 1; i < IdentityPortal.MaxFailedSignIns; i++)
            await OmsClient.FieldError(await admin.Post("/api/me/password", new PasswordBody($"Not-my-pass-{i}", NewPassword, NewPassword)), "currentPassword");

        var locked = await admin.Post("/api/me/password", new PasswordBody("Not-my-pass-0", NewPassword, NewPassword));
        var right = await admin.Post("/api/me/password", new PasswordBody(company.Password, NewPassword, NewPassword));

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After on the 429");
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After on the 429");
        Assert.Contains("分钟后再试", (await OmsClient.Problem(right, HttpStatusCode.TooManyRequests)).Detail);
        // Nothing changed: the old password still signs in.
        await portal.SignIn(company.Email, company.Password);
    }
}
