using System.Security.Cryptography;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.WebUtilities;

namespace CloudOMS.WebPortal.Testing;

/// <summary>
/// One authorization code + PKCE sign-in by the test client, step by step, so a test can look at
/// every page on the way: authorize, login form, two-factor, company choice, callback, code redemption.
/// </summary>
public sealed class InteractiveSignIn(IdentityPortal portal) : IDisposable
{
    public const string AllScopes = "openid profile email offline_access cloudoms.api";

    private readonly string _verifier = CryptoRandom.CreateUniqueId(32);
    private readonly string _state = CryptoRandom.CreateUniqueId(16);

    public UserAgent Browser { get; } = new(portal.Address, IdentityPortal.RedirectUri);

    /// <summary>Opens the authorize endpoint (by GET, or by a form POST); with no session the server shows its login form.</summary>
    public async Task Start(string scope = AllScopes, string? prompt = null, bool byPost = false)
    {
        var challenge = System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(_verifier)));
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = IdentityPortal.ClientId,
            ["redirect_uri"] = IdentityPortal.RedirectUri.ToString(),
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = _state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        };
        if (prompt is not null) query["prompt"] = prompt;
        if (byPost) await Browser.Post("/connect/authorize", query);
        else await Browser.Go(QueryHelpers.AddQueryString("/connect/authorize", query));
    }

    public Task Password(string email, string password) => Browser.Submit(("email", email), ("password", password));

    public Task TwoFactorCode(string code) => Browser.Submit(("code", code));

    public Task ChooseTenant(string tenantId) => Browser.Submit(("tenant", tenantId));

    /// <summary>Whether the browser now shows the page at <paramref name="path"/> (login, 2fa, tenant ...).</summary>
    public bool IsAt(string path) => Browser.Callback is null && Browser.Location.AbsolutePath == path;

    /// <summary>Redeems the code the callback carries; the test client proves it started the flow with the PKCE verifier.</summary>
    public async Task<TokenResponse> Redeem()
    {
        Assert.True(Browser.Callback is not null, $"No redirect to the callback: at {Browser.Location} ({(int)Browser.Status}) {Browser.Error}");
        var query = QueryHelpers.ParseQuery(Browser.Callback.Query);
        Assert.Equal(_state, query["state"].ToString());
        Assert.True(query.ContainsKey("code"), $"No code in {Browser.Callback}");
        using var http = portal.NewHttp();
        return await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token",
            ClientId = IdentityPortal.ClientId,
            Code = query["code"].ToString(),
            RedirectUri = IdentityPortal.RedirectUri.ToString(),
            CodeVerifier = _verifier,
        });
    }

    public void Dispose() => Browser.Dispose();
}
