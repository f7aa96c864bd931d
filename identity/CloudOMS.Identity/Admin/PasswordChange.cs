using CloudOMS.Identity.Access;
using CloudOMS.Identity.Accounts;
using CloudOMS.Identity.Data;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace CloudOMS.Identity.Admin;

public sealed record PasswordInput(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

/// <summary>
/// A signed-in user changes their own password: one code path for POST /api/me/password and the portal's account page.
/// Identity renews the security stamp; every
/// access and refresh token the user holds (apps, integrations acting as the user) is revoked at once. Cookies carry the
/// <see cref="PasswordFingerprint"/>, checked on every request, so they end at once too; the page that made the change
/// signs its own browser in again with the new one. Wrong current passwords count like wrong sign-ins
/// (<see cref="SignInGuard"/>, a source of their own per user): a stolen session cannot guess the password for long.
/// </summary>
public sealed class PasswordChange(UserManager<OmsUser> users, IOpenIddictTokenManager tokens, AuditLog audit, SignInGuard guard)
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
        var source = new SignInSource(SignInSource.AccountKey(user.Email), "password-change:" + user.Id, Trusted: true);
        if (guard.Check(source) is { } refusal) return TooMany(refusal.RetryAfter);

        var changed = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
        if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            var locked = guard.Failed(source);
            await audit.WriteForUser(user, "password.change-refused", "wrong current password");
            return locked ? TooMany(guard.Check(source)?.RetryAfter ?? TimeSpan.FromMinutes(1))
                : AdminResult.Invalid("currentPassword", Msg.Get("PasswordChange.WrongCurrent"));
        }
        if (!changed.Succeeded) return AdminResult.Invalid("newPassword", Rules);
        guard.Succeeded(source);
        await tokens.RevokeBySubjectAsync(user.Id);
        await audit.WriteForUser(user, "password.changed");
        // The new password's fingerprint: the portal signs the browser that made the change in again with it.
        return AdminResult.Done(PasswordFingerprint.Of(user.PasswordHash));
    }

    private static AdminResult TooMany(TimeSpan retryAfter) =>
        AdminResult.TooMany("currentPassword", Msg.Get("PasswordChange.TooManyWrong", Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))), retryAfter);

    private async Task<bool> MeetsRules(OmsUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
            if (!(await validator.ValidateAsync(users, user, password)).Succeeded) return false;
        return true;
    }
}
