using CloudOMS.Identity.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CloudOMS.Identity.Accounts;

/// <summary>
/// ASP.NET Core Identity's sign-in, with the password checked first: its own order answers "confirm your email"
/// or "locked out" before looking at the password, which tells a stranger that the address has an account.
/// </summary>
public sealed class OmsSignInManager(
    UserManager<OmsUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<OmsUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<OmsUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<OmsUser> confirmation)
    : SignInManager<OmsUser>(users, http, claims, options, logger, schemes, confirmation)
{
    /// <summary>
    /// For a user whose password was just verified: what PasswordSignInAsync would answer (locked out, email not
    /// confirmed, two-factor needed, signed in) without hashing the password a second time.
    /// </summary>
    public async Task<SignInResult> SignInAfterPassword(OmsUser user) =>
        await PreSignInCheck(user) ?? await SignInOrTwoFactorAsync(user, isPersistent: false);
}
