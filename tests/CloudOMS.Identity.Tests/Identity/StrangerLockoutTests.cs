namespace CloudOMS.Identity.Tests.Identity;

/// <summary>
/// Wrong passwords lock out where they come from, not the account: a stranger who knows an address cannot keep
/// its owner from signing in, and guessing from many addresses slows down only browsers the owner never used.
/// </summary>
[Collection(ProxiedPortalCollection.Name)]
public sealed class StrangerLockoutTests(ProxiedPortal fixture)
{
    private IdentityPortal Portal => fixture.Portal;

    private async Task<string> NewMember()
    {
        var email = Companies.NewEmail("sales");
        await Portal.Invite(Portal.DemoApi, "销售", email);
        return email;
    }

    /// <summary>One password attempt from <paramref name="address"/> in a fresh browser (or <paramref name="browser"/>'s cookies).</summary>
    private async Task<InteractiveSignIn> Attempt(string email, string password, string address)
    {
        var signIn = new InteractiveSignIn(Portal);
        signIn.Browser.ForwardedFor = address;
        await signIn.Start();
        Assert.True(signIn.IsAt("/account/login"), $"at {signIn.Browser.Location}");
        await signIn.Password(email, password);
        return signIn;
    }

    private async Task WrongPasswords(string email, string address, int count)
    {
        for (var i = 0; i < count; i++) (await Attempt(email, "wrong-password-" + i, address)).Dispose();
    }

    [Fact]
    public async Task Wrong_passwords_from_one_address_lock_out_that_address_while_the_member_signs_in_from_another()
    {
        var email = await NewMember();
        var stranger = ProxiedPortal.NewAddress();

        await WrongPasswords(email, stranger, IdentityPortal.MaxFailedSignIns);

        using var fromStranger = await Attempt(email, Companies.Password, stranger);
        Assert.Equal((HttpStatusCode)423, fromStranger.Browser.Status);
        Assert.True(fromStranger.Browser.RetryAfter > 0, "the 423 carries no Retry-After");
        using var fromMember = await Attempt(email, Companies.Password, ProxiedPortal.NewAddress());
        Assert.False((await fromMember.Redeem()).IsError);
    }

    [Fact]
    public async Task Guessing_from_many_addresses_slows_new_browsers_but_not_the_one_the_member_signed_in_with()
    {
        var email = await NewMember();
        var home = ProxiedPortal.NewAddress();
        using var own = await Attempt(email, Companies.Password, home);
        Assert.False((await own.Redeem()).IsError);
        await own.Browser.Go("/account/logout");
        await own.Browser.Submit();
        var perAddress = IdentityPortal.MaxFailedSignIns - 1;
        for (var n = 0; n < ProxiedPortal.UntrustedFailuresPerAccount; n += perAddress) await WrongPasswords(email, ProxiedPortal.NewAddress(), perAddress);

        using var newBrowser = await Attempt(email, Companies.Password, ProxiedPortal.NewAddress());
        await own.Start();
        await own.Password(email, Companies.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, newBrowser.Browser.Status);
        Assert.True(newBrowser.Browser.RetryAfter > 0, "the 429 carries no Retry-After");
        Assert.False((await own.Redeem()).IsError);
    }

    [Fact]
    public async Task An_address_without_an_account_is_locked_out_and_slowed_down_like_one_with_an_account()
    {
        var known = await NewMember();
        var unknown = Companies.NewEmail("nobody");
        var answers = new Dictionary<string, List<(HttpStatusCode, string?)>>();
        foreach (var email in new[] { known, unknown })
        {
            var seen = answers[email] = [];
            var address = ProxiedPortal.NewAddress();
            for (var i = 0; i <= IdentityPortal.MaxFailedSignIns; i++)
            {
                using var attempt = await Attempt(email, "wrong-password", address);
                seen.Add((attempt.Browser.Status, attempt.Browser.Error));
            }
            for (var n = IdentityPortal.MaxFailedSignIns; n < ProxiedPortal.UntrustedFailuresPerAccount; n++)
                await WrongPasswords(email, ProxiedPortal.NewAddress(), 1);
            using var slowed = await Attempt(email, "wrong-password", ProxiedPortal.NewAddress());
            seen.Add((slowed.Browser.Status, slowed.Browser.Error));
        }

        Assert.Equal(answers[known], answers[unknown]);
        Assert.Equal((HttpStatusCode)423, answers[known][IdentityPortal.MaxFailedSignIns - 1].Item1);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[known][^1].Item1);
    }
}
