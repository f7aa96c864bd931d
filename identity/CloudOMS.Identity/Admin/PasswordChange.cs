using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace CloudOMS.Identity.Admin;

public sealed record PasswordInput(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

/// <summary>
/// A signed-in user changes their own password: one code path for POST /api/me/password and the portal's account page.
/// Identity renews the security stamp, so the sign-in cookie of every browser ends at its next stamp check; every
/// access and refresh token the user holds (apps, integrations acting as the user) is revoked at once.
/// </summary>
public sealed class PasswordChange(UserManager<OmsUser> users, IOpenIddictTokenManager tokens, AuditLog audit)
{
    /// <summary>The rules, shown beside the field before anything is typed and as the error when they are not met.</summary>
    public static string Rules => Msg.Get("PasswordChange.Rules");

    public async Task<AdminResult> Change(string userId, PasswordInput input) =>
        await users.FindByIdAsync(userId) is { } user ? await Change(user, input) : AdminResult.NotFound();

    public async Task<AdminResult> Change(OmsUser user, PasswordInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(input.CurrentPassword)) errors["currentPassword"] = [Msg.Get("PasswordChange.CurrentRequired")];
        if (string.IsNullOrEmpty(input.NewPassword) || !await MeetsRules(user, input.NewPassword)) errors["newPassword"] = [Rules];
        else if (input.NewPassword != input.ConfirmPassword) errors["confirmPassword"] = [Msg.Get("PasswordChange.Mismatch")];
        if (errors.Count > 0) return AdminResult.Invalid(errors);

        var changed = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
        if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await audit.WriteForUser(user, "password.change-refused", "wrong current password");
            return AdminResult.Invalid("currentPassword", Msg.Get("PasswordChange.WrongCurrent"));
        }
        if (!changed.Succeeded) return AdminResult.Invalid("newPassword", Rules);
        await tokens.RevokeBySubjectAsync(user.Id);
        await audit.WriteForUser(user, "password.changed");
        return AdminResult.Done();
    }

    private async Task<bool> MeetsRules(OmsUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
            if (!(await validator.ValidateAsync(users, user, password)).Succeeded) return false;
        return true;
    }
}
