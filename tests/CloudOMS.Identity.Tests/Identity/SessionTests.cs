namespace CloudOMS.Identity.Tests.Identity;

/// <summary>The identity server's cookie is the single sign-on session behind every authorize request.</summary>
[Collection(SignInPortal.Name)]
public sealed class SessionTests(IdentityPortal portal)
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
            Assert.True(signIn.IsAt("/account/logout"), $"at {signIn.Browser.Location}");
            await signIn.Browser.Submit();
            Assert.True(signIn.IsAt("/account/signed-out"), $"at {signIn.Browser.Location}");

            await signIn.Start();

            Assert.True(signIn.IsAt("/account/login"), $"Still signed in: at {signIn.Browser.Location}");
        }
    }

    [Theory]
    [InlineData("/account/logout")]
    [InlineData("/connect/endsession")]
    public async Task A_link_to_sign_out_only_asks_and_the_session_stays(string link)
    {
        var (_, signIn) = await SignedInBrowser();
        using (signIn)
        {
            await signIn.Browser.Go(link);

            Assert.Equal(HttpStatusCode.OK, signIn.Browser.Status);
            Assert.Contains("<form method=\"post\"", signIn.Browser.Html);
            await signIn.Start();
            Assert.True(signIn.Browser.Callback is not null, $"The link signed the user out: at {signIn.Browser.Location}");
        }
    }

    [Theory]
    [InlineData("/account/logout")]
    [InlineData("/connect/endsession")]
    public async Task Another_sites_form_posted_to_sign_out_is_refused_and_the_session_stays(string action)
    {
        var (_, signIn) = await SignedInBrowser();
        using (signIn)
        {
            await signIn.Browser.Post(action, []);

            Assert.Equal(HttpStatusCode.BadRequest, signIn.Browser.Status);
            await signIn.Start();
            Assert.True(signIn.Browser.Callback is not null, $"A cross-site post signed the user out: at {signIn.Browser.Location}");
        }
    }

    [Fact]
    public async Task The_sign_out_question_of_the_end_session_endpoint_signs_out_when_confirmed()
    {
        var (_, signIn) = await SignedInBrowser();
        using (signIn)
        {
            await signIn.Browser.Go("/connect/endsession");
            await signIn.Browser.Submit();
            Assert.Equal(HttpStatusCode.OK, signIn.Browser.Status);

            await signIn.Start();

            Assert.True(signIn.IsAt("/account/login"), $"Still signed in: at {signIn.Browser.Location}");
        }
    }
}
