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
        routes.MapPost("/connect/token", Token).ExcludeFromDescription().DisableAntiforgery().RequireRateLimiting(IdentityHostingExtensions.SignInRateLimit);
        routes.MapMethods("/connect/endsession", ["GET", "POST"], EndSession).ExcludeFromDescription().DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> Authorize(HttpContext context, UserManager<OmsUser> users, AccessResolver access)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        if (!session.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None)) return Forbid(Errors.LoginRequired, "需要登录 / login required");
            return Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        var user = await users.GetUserAsync(session.Principal!);
        var tenantId = session.Principal!.FindFirstValue(OmsClaims.Tenant);
        if (user is null) return Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        if (tenantId is null || await access.ForUser(user.Id, tenantId) is null)
            return Results.Redirect($"/account/tenant?returnUrl={Uri.EscapeDataString(returnUrl)}");

        var identity = UserIdentity(user, tenantId);
        identity.SetScopes(request.GetScopes());
        return SignIn(identity);
    }

    private static async Task<IResult> Token(HttpContext context, IdentityDb db, UserManager<OmsUser> users, AccessResolver access)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == request.ClientId);
            if (client is not { RevokedAt: null }) return Forbid(Errors.InvalidClient, "接口凭据已吊销 / the client was revoked");
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
            if (user is null || tenantId is null || await users.IsLockedOutAsync(user) || await access.ForUser(user.Id, tenantId) is null)
                return Forbid(Errors.InvalidGrant, "账号已不可用 / the account is no longer allowed to sign in");
            var identity = UserIdentity(user, tenantId);
            identity.SetScopes(result.Principal!.GetScopes());
            return SignIn(identity);
        }
        return Forbid(Errors.UnsupportedGrantType, "unsupported grant type");
    }

    private static async Task<IResult> EndSession(HttpContext context, SignInManager<OmsUser> signIn, IOpenIddictApplicationManager applications)
    {
        var name = context.User.Identity?.Name;
        await signIn.SignOutAsync();
        if (name is not null) await context.RequestServices.GetRequiredService<AuditLog>().Write(null, name, "signout");
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/signed-out" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

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
