using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CloudOMS.Identity.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudOMS.Identity.Accounts;

/// <summary>
/// Which password a session was opened with: a short digest of the stored password hash, carried in the single
/// sign-on cookie (and the portal's). A password change or reset gives a new hash, so every cookie opened before it is
/// refused at its next request and that browser must sign in again. The security stamp would end them too, but it also
/// moves when an authenticator is enrolled mid-sign-in, and is checked only every half hour; this moves with the
/// password alone and is checked on every request (one indexed read).
/// </summary>
public static class PasswordFingerprint
{
    public const string Claim = "oms_pwd";

    public static string Of(string? passwordHash) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash ?? "")))[..16];

    /// <summary>The user's fingerprint now, or null when the user is gone.</summary>
    public static async Task<string?> Current(IServiceProvider services, string userId)
    {
        var user = await services.GetRequiredService<IdentityDb>().Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.PasswordHash }).FirstOrDefaultAsync();
        return user is null ? null : Of(user.PasswordHash);
    }

    /// <summary>The single sign-on cookie: refused once the password changed, else the usual security stamp check.</summary>
    public static async Task ValidateSso(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null && context.Principal!.FindFirstValue(Claim) is { } held && held != await Current(context.HttpContext.RequestServices, userId))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}

/// <summary>The single sign-on cookie's claims, with the password's fingerprint.</summary>
public sealed class PasswordFingerprintClaims(UserManager<OmsUser> users, IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<OmsUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OmsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PasswordFingerprint.Claim, PasswordFingerprint.Of(user.PasswordHash)));
        return identity;
    }
}
