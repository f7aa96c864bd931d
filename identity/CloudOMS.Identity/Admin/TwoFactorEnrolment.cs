using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace CloudOMS.Identity.Admin;

/// <summary>A new authenticator key and the otpauth URI an authenticator app reads (as text or QR code).</summary>
public sealed record TwoFactorSetup(string SharedKey, string AuthenticatorUri);

/// <summary>A user's own two-factor sign-in (TOTP): one code path for /api/me/2fa/* and the portal's account page.</summary>
public sealed class TwoFactorEnrolment(UserManager<OmsUser> users, AuditLog audit)
{
    public Task<OmsUser?> FindUser(string userId) => users.FindByIdAsync(userId);

    /// <summary>A new key; replacing an enrolled authenticator needs a code from it (a session alone is not enough).</summary>
    public async Task<AdminResult> Setup(OmsUser user, string? code)
    {
        if (user.TwoFactorEnabled && !await CodeIsValid(user, code)) return WrongCode();
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        var uri = $"otpauth://totp/CloudOMS:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=CloudOMS&digits=6";
        return AdminResult.Done(new TwoFactorSetup(key!, uri));
    }

    public async Task<AdminResult> Enable(OmsUser user, string tenantId, string? code)
    {
        if (!await CodeIsValid(user, code)) return WrongCode();
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.Write(tenantId, user.Email!, "2fa.enabled");
        return AdminResult.Done();
    }

    public async Task<AdminResult> Disable(OmsUser user, string tenantId, string? code)
    {
        if (!await CodeIsValid(user, code)) return WrongCode();
        await users.SetTwoFactorEnabledAsync(user, false);
        await audit.Write(tenantId, user.Email!, "2fa.disabled");
        return AdminResult.Done();
    }

    private async Task<bool> CodeIsValid(OmsUser user, string? code) =>
        !string.IsNullOrWhiteSpace(code) && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code.Replace(" ", ""));

    private static AdminResult WrongCode() => AdminResult.Invalid("code", Msg.Get("TwoFactorEnrolment.WrongCode"));
}
