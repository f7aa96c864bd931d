using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CloudOMS.Identity.SampleClient;

/// <summary>
/// A second relying party of the CloudOMS identity server, built only from the standard ASP.NET
/// Core OpenID Connect handler: it shows that any OIDC client can sign in (authorization code +
/// PKCE), that a user already signed in elsewhere is not asked again (single sign-on), and that
/// signing out anywhere signs it out too (front-channel logout).
/// Settings: Oidc:Authority, Oidc:ClientId (default cloudoms-sample), Oidc:RequireHttps.
/// </summary>
public static class SampleClientApp
{
    public const string CookieName = "cloudoms.sample";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var oidc = builder.Configuration.GetSection("Oidc");
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o => o.Cookie.Name = CookieName)
            .AddOpenIdConnect(o =>
            {
                o.Authority = oidc["Authority"];
                o.ClientId = oidc["ClientId"] ?? "cloudoms-sample";
                o.RequireHttpsMetadata = oidc.GetValue("RequireHttps", true);
                o.ResponseType = "code";
                o.UsePkce = true;
                o.ResponseMode = "query";
                o.Scope.Add("email");
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                if (!o.RequireHttpsMetadata)
                {
                    o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
                }
            });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", (HttpContext context) => Results.Content(
            $"<p>signed in as {WebUtility.HtmlEncode(context.User.Identity?.Name)} of {WebUtility.HtmlEncode(context.User.FindFirst("tenant")?.Value)}</p>",
            "text/html; charset=utf-8")).RequireAuthorization();
        app.MapGet("/signout", () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/signed-out" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapGet("/signed-out", () => Results.Content("<p>signed out</p>", "text/html; charset=utf-8"));
        // Loaded in a hidden frame by the identity server when the user signs out anywhere.
        app.MapGet("/signout-frontchannel", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Content("<p>signed out</p>", "text/html; charset=utf-8");
        });
        return app;
    }
}
