using Duende.IdentityModel.Client;

namespace CloudOMS.Identity.Tests.Identity;

/// <summary>An access token revoked at the revocation endpoint stops working at once, not at its expiry.</summary>
[Collection(SignInPortal.Name)]
public sealed class AccessTokenRevocationTests(IdentityPortal portal)
{
    [Fact]
    public async Task A_revoked_access_token_is_refused_on_the_next_call()
    {
        var token = await portal.ClientCredentials(PortalFactory.DemoApiClientId, PortalFactory.DemoApiSecret);
        Assert.False(token.IsError, token.Error);
        var api = portal.ApiWith(token.AccessToken!);
        Assert.Equal(HttpStatusCode.OK, (await api.Get("/api/orders?pageSize=1")).StatusCode);

        using var http = portal.Factory.CreateClient();
        var revoked = await http.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = "/connect/revoke",
            ClientId = PortalFactory.DemoApiClientId,
            ClientSecret = PortalFactory.DemoApiSecret,
            Token = token.AccessToken!,
            TokenTypeHint = "access_token",
        });
        Assert.False(revoked.IsError, revoked.Error);

        await OmsClient.Problem(await api.Get("/api/orders?pageSize=1"), HttpStatusCode.Unauthorized);
    }
}
