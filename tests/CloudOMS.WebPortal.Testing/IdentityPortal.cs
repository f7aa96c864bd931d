using CloudOMS.Identity;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace CloudOMS.WebPortal.Testing;

/// <summary>
/// The portal host (identity server and API together) for a test class or a collection of them, with rate limits
/// raised so tests may sign in and sign up often, lockout after <see cref="MaxFailedSignIns"/> failures, and a
/// public PKCE client for the tests' interactive sign-ins.
/// </summary>
public sealed class IdentityPortal : IAsyncLifetime
{
    public const string ClientId = "identity-tests";
    public const int MaxFailedSignIns = 3;
    public const string DemoPassword = "Demo@2026";
    public static readonly Uri RedirectUri = new("http://127.0.0.1/callback");

    public IdentityPortal()
        : this(new PortalFactory())
    {
    }

    /// <summary>Around a factory the test configured itself (another database, a shared data folder).</summary>
    internal IdentityPortal(PortalFactory factory)
    {
        Factory = factory;
        foreach (var limit in new[] { "SignInsPerMinute", "TokenRequestsPerMinute", "ClientTokensPerMinute", "SignupsPerHour", "ResetRequestsPerHour", "ResetMailsPerAccountPerHour" })
            factory.Settings[$"Identity:{limit}"] = "100000";
        factory.Settings["Identity:MaxFailedSignIns"] = MaxFailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public PortalFactory Factory { get; }

    public Uri Address => Factory.ClientOptions.BaseAddress;

    /// <summary>The demo tenant's integration client, holding every permission.</summary>
    public OmsClient DemoApi => Factory.Api;

    public Mailbox Mail => new(Path.Combine(Factory.DataDirectory, "mail"));

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Factory).InitializeAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        await OidcClients.Upsert(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), new OidcClientOptions
        {
            ClientId = ClientId,
            DisplayName = "Identity tests",
            RedirectUris = [RedirectUri.ToString()],
        });
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();

    /// <summary>A plain client of the server: no cookies, no token.</summary>
    public HttpClient NewHttp() => new() { BaseAddress = Address };

    public OmsClient ApiWith(string accessToken)
    {
        var http = Factory.CreateClient();
        http.SetBearerToken(accessToken);
        return new OmsClient(http);
    }

    /// <summary>
    /// A full interactive sign-in with a user who has one company (or picks <paramref name="tenant"/>), answering
    /// the two-factor question from <paramref name="twoFactorKey"/> when the user enrolled an authenticator.
    /// </summary>
    public async Task<TokenResponse> SignIn(string email, string password, string? tenant = null, string? twoFactorKey = null)
    {
        using var signIn = new InteractiveSignIn(this);
        await signIn.Start();
        await signIn.Password(email, password);
        if (twoFactorKey is not null) await signIn.TwoFactorCode(Totp.Code(twoFactorKey, DateTimeOffset.UtcNow));
        if (tenant is not null) await signIn.ChooseTenant(tenant);
        var tokens = await signIn.Redeem();
        Assert.False(tokens.IsError, $"{tokens.Error} {tokens.ErrorDescription}");
        return tokens;
    }

    public async Task<OmsClient> SignInApi(string email, string password, string? tenant = null) =>
        ApiWith((await SignIn(email, password, tenant)).AccessToken!);

    public async Task<TokenResponse> ClientCredentials(string clientId, string secret)
    {
        using var http = NewHttp();
        return await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret, Scope = "cloudoms.api",
        });
    }

    public async Task<TokenResponse> Refresh(string refreshToken)
    {
        using var http = NewHttp();
        return await http.RequestRefreshTokenAsync(new RefreshTokenRequest { Address = "/connect/token", ClientId = ClientId, RefreshToken = refreshToken });
    }
}
