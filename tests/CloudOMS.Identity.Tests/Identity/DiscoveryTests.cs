using Duende.IdentityModel.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CloudOMS.Identity.Tests.Identity;

[Collection(SignInPortal.Name)]
public sealed class DiscoveryTests(IdentityPortal portal)
{
    private static async Task<DiscoveryDocumentResponse> Discover(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        var disco = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest { Address = address.ToString(), Policy = { RequireHttps = false } });
        Assert.False(disco.IsError, disco.Error);
        return disco;
    }

    [Fact]
    public async Task Discovery_document_publishes_the_endpoints_flows_and_scopes()
    {
        var disco = await Discover(portal.Address);

        Assert.Equal(new Uri(portal.Address, "/").ToString(), disco.Issuer);
        Assert.Equal(new Uri(portal.Address, "/connect/authorize").ToString(), disco.AuthorizeEndpoint);
        Assert.Equal(new Uri(portal.Address, "/connect/token").ToString(), disco.TokenEndpoint);
        Assert.Equal(new Uri(portal.Address, "/connect/endsession").ToString(), disco.EndSessionEndpoint);
        Assert.Equal(new Uri(portal.Address, "/connect/revoke").ToString(), disco.RevocationEndpoint);
        Assert.Equal(new Uri(portal.Address, "/connect/introspect").ToString(), disco.IntrospectionEndpoint);
        Assert.Superset(new HashSet<string> { "authorization_code", "client_credentials", "refresh_token" }, disco.GrantTypesSupported.ToHashSet());
        Assert.Contains("S256", disco.CodeChallengeMethodsSupported);
        Assert.Superset(new HashSet<string> { "openid", "profile", "email", "offline_access", "cloudoms.api" }, disco.ScopesSupported.ToHashSet());
    }

    [Fact]
    public async Task Jwks_publishes_the_rsa_key_that_signs_access_tokens()
    {
        var disco = await Discover(portal.Address);
        var token = await portal.ClientCredentials(PortalFactory.DemoApiClientId, PortalFactory.DemoApiSecret);

        var key = Assert.Single(disco.KeySet!.Keys, k => k.Use is null or "sig");
        Assert.Equal("RSA", key.Kty);
        Assert.False(string.IsNullOrEmpty(key.Kid));
        Assert.Equal(key.Kid, new JsonWebToken(token.AccessToken).Kid);
        var result = await Validate(token.AccessToken!, disco);
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task Signing_key_is_the_same_after_a_restart_on_the_same_data_folder()
    {
        var first = new PortalFactory();
        var second = new PortalFactory { DataDirectory = first.DataDirectory };
        try
        {
            await ((IAsyncLifetime)first).InitializeAsync();
            var before = await Discover(first.ClientOptions.BaseAddress);
            var issued = (await first.Api.Http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
            {
                Address = "/connect/token", ClientId = PortalFactory.DemoApiClientId, ClientSecret = PortalFactory.DemoApiSecret, Scope = "cloudoms.api",
            })).AccessToken!;
            await first.DisposeAsync(); // stops the host, keeps the folder

            await ((IAsyncLifetime)second).InitializeAsync();
            var after = await Discover(second.ClientOptions.BaseAddress);

            Assert.Equal(before.KeySet!.Keys.Select(k => (k.Kid, k.N, k.E)), after.KeySet!.Keys.Select(k => (k.Kid, k.N, k.E)));
            // A resource server holding the restarted host's keys still accepts a token issued before the restart.
            var result = await Validate(issued, after);
            Assert.True(result.IsValid, result.Exception?.Message);
        }
        finally
        {
            await first.DisposeAsync();
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }

    private static Task<TokenValidationResult> Validate(string token, DiscoveryDocumentResponse disco) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = disco.KeySet!.Keys.Select(k => new JsonWebKey(System.Text.Json.JsonSerializer.Serialize(k))),
            ValidAudience = "cloudoms-api",
            // The issuer carries the test server's random port, which changes with the restart.
            ValidateIssuer = false,
            ValidTypes = ["at+jwt"],
        });
}
