namespace CloudOMS.Identity.Tests.Identity;

/// <summary>Once enrolled, the authenticator can be replaced or switched off only with a code from it.</summary>
[Collection(AdminPortal.Name)]
public sealed class TwoFactorChangeTests(IdentityPortal portal)
{
    [Fact]
    public async Task Resetting_or_disabling_two_factor_needs_a_current_code_not_just_a_token()
    {
        var email = Companies.NewEmail("finance");
        await portal.Invite(portal.DemoApi, "财务", email);
        var member = await portal.SignInApi(email, Companies.Password);
        var setup = await member.Post<TwoFactorSetupView>("/api/me/2fa/setup", null);
        Assert.Equal(HttpStatusCode.NoContent, (await member.Post("/api/me/2fa/enable", new { code = Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow) })).StatusCode);

        var resetWithout = await member.Post("/api/me/2fa/setup", null);
        var disableWrong = await member.Post("/api/me/2fa/disable", new { code = Totp.WrongCode(setup.SharedKey, DateTimeOffset.UtcNow) });

        Assert.Contains("code", (await OmsClient.Problem(resetWithout, HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("code", (await OmsClient.Problem(disableWrong, HttpStatusCode.BadRequest)).Errors!.Keys);
        var disable = await member.Post("/api/me/2fa/disable", new { code = Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
    }
}
