using System.Security.Claims;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CloudOMS.Identity.Connect;

/// <summary>
/// The OIDC endpoints OpenIddict passes through to us: authorize (needs a signed-in session with a
/// chosen tenant), token (code, refresh, client credentials) and end session.
/// </summary>
public static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/connect/authorize", ["GET", "POST"], Authorize).ExcludeFromDescription().DisableAntiforgery();
        routes.MapPost("/connect/token", Token).ExcludeFromDescription().DisableAntiforgery().RequireRateLimiting(Accounts.AccountRateLimits.Token);
        routes.MapMethods("/connect/endsession", ["GET", "POST"], EndSession).ExcludeFromDescription().DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> Authorize(HttpContext context, UserManager<OmsUser> users, AccessResolver access, IdentityDb db)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        // Back to this endpoint after sign-in, as a GET with the same parameters (whether they came by
        // query or form), minus prompt: the password was just asked, asking again would loop.
        var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(request.GetParameters()
            .Where(p => p.Key != Parameters.Prompt)
            .Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())));
        if (!session.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None)) return Forbid(Errors.LoginRequired, Msg.Get("ConnectEndpoints.LoginRequired"));
            return Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        var user = await users.GetUserAsync(session.Principal!);
        var tenantId = session.Principal!.FindFirstValue(OmsClaims.Tenant);
        if (user is null) return Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        // prompt=select_account: the relying party asks for the company choice again (switching company).
        if (tenantId is null || request.HasPromptValue(PromptValues.SelectAccount) || await access.ForUser(user.Id, tenantId) is null)
            return Results.Redirect($"/account/tenant?returnUrl={Uri.EscapeDataString(returnUrl)}");
        if (await MissingRequiredTwoFactor(db, user, tenantId))
            return Results.Redirect($"/account/2fa/setup?tenant={Uri.EscapeDataString(tenantId)}&returnUrl={Uri.EscapeDataString(returnUrl)}");

        var identity = UserIdentity(user, tenantId);
        identity.SetScopes(request.GetScopes());
        return SignIn(identity);
    }

    private static async Task<IResult> Token(HttpContext context, IdentityDb db, UserManager<OmsUser> users, AccessResolver access, Accounts.AccountBudgets budgets)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            // Counted once the client proved its secret (OpenIddict did, before this point): only the client itself spends its budget.
            if (budgets.ClientToken(request.ClientId!) is { } wait) return Accounts.AccountRateLimits.TooManyRequests(context, wait);
            var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == request.ClientId);
            if (client is not { RevokedAt: null }) return Forbid(Errors.InvalidClient, Msg.Get("ConnectEndpoints.ClientRevoked"));
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, client.ClientId)
                .SetClaim(Claims.Name, client.Name)
                .SetClaim(OmsClaims.Tenant, client.TenantId)
                .SetClaim(OmsClaims.Kind, OmsClaims.ClientKind);
            identity.SetScopes(request.GetScopes());
            return SignIn(identity);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var userId = result.Principal?.GetClaim(Claims.Subject);
            var tenantId = result.Principal?.GetClaim(OmsClaims.Tenant);
            var user = userId is null ? null : await users.FindByIdAsync(userId);
            // A user deactivated, locked out or removed from the tenant gets no new tokens.
            if (user is null || tenantId is null || await users.IsLockedOutAsync(user) || await access.ForUser(user.Id, tenantId) is null
                || await MissingRequiredTwoFactor(db, user, tenantId))
                return Forbid(Errors.InvalidGrant, Msg.Get("ConnectEndpoints.AccountNoLongerAllowedSign"));
            var identity = UserIdentity(user, tenantId);
            identity.SetScopes(result.Principal!.GetScopes());
            return SignIn(identity);
        }
        return Forbid(Errors.UnsupportedGrantType, "unsupported grant type");
    }

    /// <summary>
    /// Ends the single sign-on session, then signs the user out of every relying party that
    /// declared a front-channel logout URI (hidden frames) before returning to the client's
    /// post-logout URI, which OpenIddict has already validated against the client's registration.
    /// </summary>
    private static async Task<IResult> EndSession(HttpContext context, SignInManager<OmsUser> signIn, IOpenIddictApplicationManager applications, AuditLog audit)
    {
        var request = context.GetOpenIddictServerRequest();
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        // Only the user's own client can show an ID token of this session (id_token_hint); any other request, say
        // a link on another site, is asked first and signs out only by a POST from that question's page.
        if (session.Succeeded && !await HintNamesSessionUser(context, signIn, session.Principal!))
        {
            var fields = string.Concat((request?.GetParameters() ?? new Dictionary<string, OpenIddictParameter>()).Select(p => Accounts.Html.Hidden(p.Key, p.Value.ToString())));
            if (!HttpMethods.IsPost(context.Request.Method)) return Accounts.SignOutPages.Confirm(context, "/connect/endsession", fields);
            if (!await Accounts.SignOutPages.FromOurPage(context)) return Accounts.SignOutPages.Refused(context, "/account/logout");
        }
        await signIn.SignOutAsync();
        if (session.Principal?.FindFirstValue(Claims.Email) is { } email)
            await audit.Write(session.Principal.FindFirstValue(OmsClaims.Tenant), email, "signout");

        var frames = new List<string>();
        await foreach (var application in applications.ListAsync())
            if ((await applications.GetPropertiesAsync(application)).TryGetValue(OidcClients.FrontChannelLogoutProperty, out var uri) && uri.GetString() is { } logout)
                frames.Add($"""<iframe src="{Accounts.Html.E(logout)}" title="logout" style="display:none"></iframe>""");
        var next = request?.PostLogoutRedirectUri is { } back
            ? back + (request.State is { } state ? (back.Contains('?') ? "&" : "?") + "state=" + Uri.EscapeDataString(state) : "")
            : "/account/signed-out";
        return Accounts.Html.Page(Msg.Get("ConnectEndpoints.SigningOut"),
            $"""<meta http-equiv="refresh" content="1;url={Accounts.Html.E(next)}"><p>{Msg.Get("ConnectEndpoints.SignedOutEverywhere")} <a id="continue" href="{Accounts.Html.E(next)}">{Msg.Get("ConnectEndpoints.Continue")}</a></p>{string.Concat(frames)}""");
    }

    private static async Task<bool> HintNamesSessionUser(HttpContext context, SignInManager<OmsUser> signIn, ClaimsPrincipal session)
    {
        var hint = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return hint.Principal?.GetClaim(Claims.Subject) is { } subject && subject == signIn.UserManager.GetUserId(session);
    }

    /// <summary>The company requires two-factor sign-in and this user has not set it up.</summary>
    private static async Task<bool> MissingRequiredTwoFactor(IdentityDb db, OmsUser user, string tenantId) =>
        !user.TwoFactorEnabled && await db.Tenants.AnyAsync(t => t.Id == tenantId && t.RequireTwoFactor);

    private static ClaimsIdentity UserIdentity(OmsUser user, string tenantId)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, string.IsNullOrEmpty(user.DisplayName) ? user.Email : user.DisplayName)
            .SetClaim(OmsClaims.Tenant, tenantId)
            .SetClaim(OmsClaims.Kind, OmsClaims.UserKind);
        return identity;
    }

    private static IResult SignIn(ClaimsIdentity identity)
    {
        identity.SetResources(OmsClaims.ApiResource);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Email or OmsClaims.Tenant => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
