using System.Net;
using System.Security.Cryptography;
using CloudOMS.Identity;
using CloudOMS.Identity.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace CloudOMS.WebPortal.Portal;

/// <summary>
/// The portal signs its users in like any other relying party: OpenID Connect authorization code
/// + PKCE against the identity server, even when that server runs in this same process. Its own
/// session lives in the "cloudoms.portal" cookie; the identity server's session is what gives
/// single sign-on across the portal and other CloudOMS applications.
/// Settings: Portal:Authority (default: this host), Portal:ClientSecret (default: new each start).
/// </summary>
public static class PortalSignIn
{
    public const string CookieScheme = "portal";
    public const string OidcScheme = "portal-oidc";
    public const string Policy = "portal";
    public const string ClientId = "cloudoms-portal";

    public static IServiceCollection AddPortalSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var secret = configuration["Portal:ClientSecret"] ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var requireHttps = configuration.GetValue("Identity:RequireHttps", false);
        services.AddAuthentication()
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "cloudoms.portal";
                o.ForwardChallenge = OidcScheme;
                o.Events.OnValidatePrincipal = PortalPasswords.Validate;
            })
            .AddOpenIdConnect(OidcScheme, o =>
            {
                o.SignInScheme = CookieScheme;
                o.ClientId = ClientId;
                o.ClientSecret = secret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.ResponseMode = "query";
                o.Scope.Add("email");
                o.Scope.Add("cloudoms.api");
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.RequireHttpsMetadata = requireHttps;
                o.TokenValidationParameters.NameClaimType = "name";
                if (!requireHttps)
                {
                    // Plain-HTTP embedded default: correlation cookies cannot be Secure, and Lax suffices for the query response mode.
                    o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
                }
                o.Events.OnTokenValidated = context => PortalPasswords.AddFingerprint(context.Principal!, context.HttpContext.RequestServices);
                o.Events.OnRemoteFailure = context =>
                {
                    // An expired or replayed sign-in response: start again rather than show an error page.
                    context.Response.Redirect("/app");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        // The authority is this host unless configured: known only once the server listens.
        services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IServer>((o, server) =>
            o.Authority ??= configuration["Portal:Authority"] ?? Addresses(server).First());
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());
        services.AddSingleton(new PortalClientSecret(secret));
        return services;
    }

    /// <summary>Registers the portal as a client for the addresses it listens on (they are known only now).</summary>
    public static async Task RegisterClient(IServiceProvider services)
    {
        var addresses = Addresses(services.GetRequiredService<IServer>()).ToList();
        var bases = addresses.Concat(addresses.Select(a => a.Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal))).Distinct().ToList();
        await using var scope = services.CreateAsyncScope();
        await OidcClients.Upsert(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), new OidcClientOptions
        {
            ClientId = ClientId,
            DisplayName = Msg.Of("PortalSignIn.Portal").Render(Languages.Chinese),
            ClientSecret = services.GetRequiredService<PortalClientSecret>().Value,
            RedirectUris = [.. bases.Select(b => b + "/signin-oidc")],
            PostLogoutRedirectUris = [.. bases.Select(b => b + "/signout-callback-oidc")],
            FrontChannelLogoutUri = bases[0] + "/portal/signout-frontchannel",
        });
    }

    public static IEndpointRouteBuilder MapPortalSignIn(this IEndpointRouteBuilder routes)
    {
        var portal = routes.MapGroup("/portal").ExcludeFromDescription();
        // The portal is /app; the old address of its sign-in page still leads there.
        portal.MapGet("/", () => Results.Redirect("/app"));
        // Signing out is a POST from our own page (antiforgery token); a link, even another site's, only asks.
        portal.MapGet("/signout", async (HttpContext context) =>
        {
            await AsPortalUser(context);
            return SignOutPages.Confirm(context, "/portal/signout");
        });
        portal.MapPost("/signout", async (HttpContext context) =>
        {
            await AsPortalUser(context);
            return await SignOutPages.FromOurPage(context)
                ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieScheme, OidcScheme])
                : SignOutPages.Refused(context, "/portal/signout");
        });
        // Switching company: a new sign-in at the identity server that asks for the company again (no password:
        // the single sign-on session remains). The portal's session is replaced only when the new one arrives,
        // so a user who turns back at the choice keeps working in the current company.
        portal.MapGet("/switch", () => Results.Challenge(new OpenIdConnectChallengeProperties { RedirectUri = "/app", Prompt = "select_account" }, [OidcScheme]));
        routes.MapPortalRenew();
        portal.MapGet("/signout-frontchannel", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieScheme);
            return Results.Content("<p>signed out</p>", "text/html; charset=utf-8");
        });
        return routes;
    }

    /// <summary>
    /// Antiforgery tokens name the user they were made for. The portal's pages (the header's sign-out form) make
    /// theirs for the portal session's user, so the sign-out endpoints check tokens as that user too.
    /// </summary>
    private static async Task AsPortalUser(HttpContext context)
    {
        if (await context.AuthenticateAsync(CookieScheme) is { Succeeded: true, Principal: { } user }) context.User = user;
    }

    private static IEnumerable<string> Addresses(IServer server) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => a.TrimEnd('/')) ?? ["http://localhost:5080"];

    private sealed record PortalClientSecret(string Value);
}
