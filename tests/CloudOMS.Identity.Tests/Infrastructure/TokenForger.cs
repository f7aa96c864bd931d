using System.Security.Claims;
using CloudOMS.Identity.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CloudOMS.Identity.Tests.Infrastructure;

/// <summary>
/// Makes access tokens as the identity server would for the demo integration client, signed with the
/// server's own key from its data folder, with one thing under the test's control: the audience.
/// </summary>
public sealed class TokenForger(IdentityPortal portal)
{
    public string AccessToken(string audience)
    {
        var key = KeyStore.Load(Path.Combine(portal.Factory.DataDirectory, "keys"), "signing");
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = new Uri(portal.Address, "/").ToString(),
            Audience = audience,
            TokenType = "at+jwt",
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", PortalFactory.DemoApiClientId), new Claim("client_id", PortalFactory.DemoApiClientId),
                new Claim("tenant", Seed.Tenant), new Claim("oms_kind", "client"), new Claim("scope", "cloudoms.api"),
                new Claim("jti", Guid.NewGuid().ToString("N")),
            ]),
        });
    }
}
