using System.Security.Claims;
using CloudOMS.Identity.Accounts;
using CloudOMS.Identity.Data;
using CloudOMS.Identity.Edge;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CloudOMS.WebPortal.Portal;

/// <summary>
/// Ties a portal session to the password it was opened with (<see cref="PasswordFingerprint"/>), which a password
/// change or reset replaces: the portal's cookie carries the fingerprint it was issued with and is refused on the next
/// request once it moved on, so every other browser of the user must sign in again (the identity server's own cookie
/// ends the same way). The browser that changed the password is signed in again through <see cref="RenewPath"/>, with
/// a short-lived ticket that names the user and the new fingerprint, and only when its own (now refused) cookies are
/// that user's.
/// </summary>
public static class PortalPasswords
{
    public const string Claim = PasswordFingerprint.Claim;
    public const string RenewPath = "/portal/renew";

    private static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(2);
    private const string Purpose = "CloudOMS.Portal.Renew";

    /// <summary>At sign-in: the fingerprint of the user's password now goes into the portal's cookie.</summary>
    public static async Task AddFingerprint(ClaimsPrincipal principal, IServiceProvider services)
    {
        if (principal.Identity is not ClaimsIdentity identity || principal.FindFirst("sub")?.Value is not { } userId) return;
        identity.AddClaim(new Claim(Claim, await PasswordFingerprint.Current(services, userId) ?? ""));
    }

    /// <summary>On every request with the portal's cookie: refused (and removed) once the password changed or the user is gone.</summary>
    public static async Task Validate(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirst("sub")?.Value;
        var current = userId is null ? null : await PasswordFingerprint.Current(context.HttpContext.RequestServices, userId);
        if (current is not null && principal!.FindFirst(Claim)?.Value == current) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(PortalSignIn.CookieScheme);
    }

    /// <summary>The address that signs this browser in again after its user changed the password.</summary>
    public static string RenewUrl(IDataProtectionProvider protection, string userId, string fingerprint, string returnPath) =>
        $"{RenewPath}?ticket={Uri.EscapeDataString(Protector(protection).Protect($"{userId}\n{fingerprint}", TicketLifetime))}&returnUrl={Uri.EscapeDataString(returnPath)}";

    public static IEndpointRouteBuilder MapPortalRenew(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(RenewPath, Renew).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> Renew(HttpContext context, string? ticket, string? returnUrl, IDataProtectionProvider protection,
        UserManager<OmsUser> users, OmsSignInManager signIn, IOptionsMonitor<CookieAuthenticationOptions> cookies)
    {
        var back = LocalRedirects.Target(returnUrl);
        string[] parts;
        try
        {
            parts = Protector(protection).Unprotect(ticket ?? "").Split('\n');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return Results.Redirect(back);
        }
        if (parts.Length != 2 || await users.FindByIdAsync(parts[0]) is not { } user || PasswordFingerprint.Of(user.PasswordHash) != parts[1])
            return Results.Redirect(back);

        // The portal's cookie as this browser holds it: it was refused for the old password, but it must be this user's.
        if (Stored(context, cookies.Get(PortalSignIn.CookieScheme)) is { } portal && portal.Principal.FindFirst("sub")?.Value == user.Id)
        {
            var old = (ClaimsIdentity)portal.Principal.Identity!;
            var identity = new ClaimsIdentity(portal.Principal.Claims.Where(c => c.Type != Claim), old.AuthenticationType, old.NameClaimType, old.RoleClaimType);
            identity.AddClaim(new Claim(Claim, parts[1]));
            await context.SignInAsync(PortalSignIn.CookieScheme, new ClaimsPrincipal(identity), portal.Properties);
        }
        // And the identity server's single sign-on cookie (new fingerprint from the claims factory), with the claims its
        // sign-in added (the company chosen).
        if (Stored(context, cookies.Get(IdentityConstants.ApplicationScheme)) is { } sso && sso.Principal.FindFirst(ClaimTypes.NameIdentifier)?.Value == user.Id)
        {
            var renewed = await signIn.CreateUserPrincipalAsync(user);
            if (renewed.Identity is ClaimsIdentity fresh)
                foreach (var claim in sso.Principal.Claims.Where(c => !fresh.HasClaim(h => h.Type == c.Type)).ToList())
                    fresh.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer));
            await context.SignInAsync(IdentityConstants.ApplicationScheme, renewed, sso.Properties);
        }
        return Results.Redirect(back);
    }

    private static AuthenticationTicket? Stored(HttpContext context, CookieAuthenticationOptions options) =>
        options.Cookie.Name is { } name && options.CookieManager.GetRequestCookie(context, name) is { Length: > 0 } value
            ? options.TicketDataFormat.Unprotect(value)
            : null;

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
