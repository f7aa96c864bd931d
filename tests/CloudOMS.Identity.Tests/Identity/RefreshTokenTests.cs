using Duende.IdentityModel.Client;

namespace CloudOMS.Identity.Tests.Identity;

/// <summary>Refresh tokens from an interactive sign-in with offline_access: renewal, deactivation, revocation.</summary>
[Collection(SignInPortal.Name)]
public sealed class RefreshTokenTests(IdentityPortal portal)
{
    private async Task<(string Email, string UserId, TokenResponse Tokens)> SignedInMember()
    {
        var email = Companies.NewEmail("sales");
        var userId = await portal.Invite(portal.DemoApi, "销售", email);
        return (email, userId, await portal.SignIn(email, Companies.Password));
    }

    [Fact]
    public async Task Refresh_token_renews_the_access_token_for_the_same_user_and_tenant()
    {
        var (email, _, tokens) = await SignedInMember();
        Assert.NotNull(tokens.RefreshToken);

        var renewed = await portal.Refresh(tokens.RefreshToken);

        Assert.False(renewed.IsError, $"{renewed.Error} {renewed.ErrorDescription}");
        Assert.NotEqual(tokens.AccessToken, renewed.AccessToken);
        var me = await portal.ApiWith(renewed.AccessToken!).Get<MeView>("/api/me");
        Assert.Equal((Seed.Tenant, email), (me.TenantId, me.Actor));
        Assert.Contains("orders.edit", me.Permissions);
    }

    [Fact]
    public async Task Sign_in_without_offline_access_gets_no_refresh_token()
    {
        var email = Companies.NewEmail("sales");
        await portal.Invite(portal.DemoApi, "销售", email);
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start("openid profile cloudoms.api");
        await signIn.Password(email, Companies.Password);

        var tokens = await signIn.Redeem();

        Assert.False(tokens.IsError, $"{tokens.Error} {tokens.ErrorDescription}");
        Assert.Null(tokens.RefreshToken);
        Assert.Equal(Seed.Tenant, (await portal.ApiWith(tokens.AccessToken!).Get<MeView>("/api/me")).TenantId);
    }

    [Fact]
    public async Task Deactivated_member_can_no_longer_refresh_and_the_access_token_gets_403()
    {
        var (_, userId, tokens) = await SignedInMember();
        var member = portal.ApiWith(tokens.AccessToken!);
        await member.Get<MeView>("/api/me");

        var deactivate = await portal.DemoApi.Post($"/api/users/{userId}/deactivate");
        Assert.Equal(HttpStatusCode.NoContent, deactivate.StatusCode);

        await OmsClient.Problem(await member.Get("/api/orders"), HttpStatusCode.Forbidden);
        var renewed = await portal.Refresh(tokens.RefreshToken!);
        Assert.True(renewed.IsError, "a deactivated member got a new access token");
        Assert.Equal("invalid_grant", renewed.TryGet("error"));
    }

    [Fact]
    public async Task Reactivated_member_works_again()
    {
        var (_, userId, tokens) = await SignedInMember();
        await portal.DemoApi.Post($"/api/users/{userId}/deactivate");

        var activate = await portal.DemoApi.Post($"/api/users/{userId}/activate");

        Assert.Equal(HttpStatusCode.NoContent, activate.StatusCode);
        var renewed = await portal.Refresh(tokens.RefreshToken!);
        Assert.False(renewed.IsError, $"{renewed.Error} {renewed.ErrorDescription}");
        await portal.ApiWith(renewed.AccessToken!).Orders("pageSize=1");
    }

    [Fact]
    public async Task Revoked_refresh_token_can_no_longer_be_redeemed()
    {
        var (_, _, tokens) = await SignedInMember();
        using var http = portal.NewHttp();

        var revoked = await http.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = "/connect/revoke", ClientId = IdentityPortal.ClientId, Token = tokens.RefreshToken!, TokenTypeHint = "refresh_token",
        });

        Assert.False(revoked.IsError, $"{revoked.Error} {revoked.Raw}");
        var renewed = await portal.Refresh(tokens.RefreshToken!);
        Assert.True(renewed.IsError, "a revoked refresh token was redeemed");
        Assert.Equal("invalid_grant", renewed.TryGet("error"));
    }

    [Fact]
    public async Task Another_client_cannot_revoke_or_redeem_a_refresh_token()
    {
        var (_, _, tokens) = await SignedInMember();
        using var http = portal.NewHttp();

        var foreign = await http.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = "/connect/revoke", ClientId = PortalFactory.DemoApiClientId, ClientSecret = PortalFactory.DemoApiSecret, Token = tokens.RefreshToken!,
        });
        var stolen = await http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = PortalFactory.DemoApiClientId, ClientSecret = PortalFactory.DemoApiSecret, RefreshToken = tokens.RefreshToken!,
        });

        Assert.True(stolen.IsError, "another client redeemed the user's refresh token");
        var renewed = await portal.Refresh(tokens.RefreshToken!);
        Assert.False(renewed.IsError, $"the foreign revocation ({(int)foreign.HttpStatusCode}) took effect: {renewed.Error} {renewed.ErrorDescription}");
    }
}
