namespace CloudOMS.Identity.Tests.Identity;

/// <summary>The identity server's cookie is the single sign-on session behind every authorize request.</summary>
public sealed class SessionTests(IdentityPortal portal) : IClassFixture<IdentityPortal>
{
    private async Task<(Company Company, InteractiveSignIn SignIn)> SignedInBrowser()
    {
        var (company, _) = await portal.NewCompany();
        var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        await signIn.Password(company.Email, company.Password);
        var tokens = await signIn.Redeem();
        Assert.False(tokens.IsError, $"{tokens.Error} {tokens.ErrorDescription}");
        return (company, signIn);
    }

    [Fact]
    public async Task Signed_in_browser_gets_the_next_code_without_the_login_form()
    {
        var (company, signIn) = await SignedInBrowser();
        using (signIn)
        {
            await signIn.Start();

            Assert.NotNull(signIn.Browser.Callback);
            var tokens = await signIn.Redeem();
            Assert.Equal(company.Slug, (await portal.ApiWith(tokens.AccessToken!).Get<MeView>("/api/me")).TenantId);
        }
    }

    [Fact]
    public async Task Prompt_login_asks_for_the_password_again_and_then_completes()
    {
        var (company, signIn) = await SignedInBrowser();
        using (signIn)
        {
            await signIn.Start(prompt: "login");
            Assert.True(signIn.IsAt("/account/login"), $"prompt=login did not ask again: at {signIn.Browser.Location}");

            await signIn.Password(company.Email, company.Password);

            Assert.True(signIn.Browser.Callback is not null,
                $"After the password the client got no code: the browser is at {signIn.Browser.Location} ({(int)signIn.Browser.Status}) again");
            Assert.False((await signIn.Redeem()).IsError);
        }
    }

    [Fact]
    public async Task Authorization_request_sent_by_post_completes_after_the_login_form()
    {
        var (company, _) = await portal.NewCompany();
        using var signIn = new InteractiveSignIn(portal);

        await signIn.Start(byPost: true);
        Assert.True(signIn.IsAt("/account/login"), $"at {signIn.Browser.Location} ({(int)signIn.Browser.Status})");
        await signIn.Password(company.Email, company.Password);

        Assert.True(signIn.Browser.Callback is not null,
            $"The POSTed request was lost after the login form: at {signIn.Browser.Location} ({(int)signIn.Browser.Status}): {signIn.Browser.Html}");
        Assert.False((await signIn.Redeem()).IsError);
    }

    [Fact]
    public async Task Prompt_none_without_a_session_returns_login_required_to_the_client()
    {
        using var signIn = new InteractiveSignIn(portal);

        await signIn.Start(prompt: "none");

        Assert.NotNull(signIn.Browser.Callback);
        Assert.Contains("error=login_required", signIn.Browser.Callback.Query);
        Assert.DoesNotContain("code=", signIn.Browser.Callback.Query);
    }

    [Fact]
    public async Task Deactivated_members_session_gets_no_new_code()
    {
        var email = Companies.NewEmail("sales");
        var userId = await portal.Invite(portal.DemoApi, "销售", email);
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        await signIn.Password(email, Companies.Password);
        Assert.False((await signIn.Redeem()).IsError);

        await portal.DemoApi.Post($"/api/users/{userId}/deactivate");

        await signIn.Start();
        Assert.Null(signIn.Browser.Callback);
        Assert.True(signIn.IsAt("/account/tenant"), $"at {signIn.Browser.Location}");
        Assert.Empty(signIn.Browser.Options("tenant"));
    }

    [Fact]
    public async Task Logout_ends_the_session_so_the_next_authorize_asks_for_the_password()
    {
        var (_, signIn) = await SignedInBrowser();
        using (signIn)
        {
            await signIn.Browser.Go("/account/logout");
            Assert.True(signIn.IsAt("/account/signed-out"), $"at {signIn.Browser.Location}");

            await signIn.Start();

            Assert.True(signIn.IsAt("/account/login"), $"Still signed in: at {signIn.Browser.Location}");
        }
    }
}
