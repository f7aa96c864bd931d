using System.Security.Claims;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using CloudOMS.Identity.Edge;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static CloudOMS.Identity.Accounts.Html;

namespace CloudOMS.Identity.Accounts;

/// <summary>Sign-in, two-factor and company choice pages; sign-out and password pages live beside them.</summary>
public static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/account").ExcludeFromDescription();
        pages.MapGet("/login", (HttpContext c, string? returnUrl) => LoginPage(c, returnUrl, null));
        pages.MapPost("/login", Login).RequireRateLimiting(AccountRateLimits.SignIn);
        pages.MapGet("/2fa", (HttpContext c, string? returnUrl) => TwoFactorPage(c, returnUrl, null));
        pages.MapPost("/2fa", TwoFactor).RequireRateLimiting(AccountRateLimits.SignIn);
        pages.MapGet("/2fa/setup", TwoFactorSetupPage);
        pages.MapPost("/2fa/setup", TwoFactorSetup);
        pages.MapGet("/tenant", TenantPage);
        pages.MapPost("/tenant", ChooseTenant);
        pages.MapSignOutPages();
        pages.MapPasswordPages();
        return routes;
    }

    private static IResult LoginPage(HttpContext context, string? returnUrl, string? error, int status = 200, string? help = null) =>
        Page(Msg.Get("AccountPages.Sign"), Error(error) + (help is null ? "" : $"<p>{help}</p>") + Form(context, $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl ?? LocalRedirects.Fallback)}",
            Field("email", Msg.Get("PasswordPages.Email"), "email") + Field("password", Msg.Get("AccountPages.Password"), "password"), Msg.Get("AccountPages.Sign2"))
            + $"""<p class="muted"><a href="/account/forgot">{Msg.Get("AccountPages.ForgotPassword")}</a> · <a href="/account/signup">{Msg.Get("AccountPages.SignUp")}</a></p>""", status);

    private static async Task<IResult> Login(HttpContext context, [FromForm] string email, [FromForm] string password, string? returnUrl,
        UserManager<OmsUser> users, OmsSignInManager signIn, SignInGuard guard, TrustedDevices devices, AuditLog audit)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        var source = devices.SourceOf(context, email, user);
        if (guard.Check(source) is { } refusal) return Refused(context, returnUrl, refusal);
        // The password first, known address or not: until it is right the answer is the same for every address.
        if (user is null || !await users.CheckPasswordAsync(user, password))
        {
            if (user is null) SpendLikeAPasswordCheck(users, password);
            var locked = guard.Failed(source);
            if (user is null) await audit.Write(null, email, "signin.failed", detail: "unknown email");
            else await audit.WriteForUser(user, "signin.failed");
            if (user is not null && locked) await audit.WriteForUser(user, "signin.locked-out", source.Trusted ? "browser" : null);
            return locked ? Refused(context, returnUrl, new SignInRefusal(true, context.RequestServices.GetRequiredService<IOptions<CloudOmsIdentityOptions>>().Value.LockoutDuration))
                : LoginPage(context, returnUrl, Msg.Get("AccountPages.WrongEmailPassword"), 400);
        }
        guard.Succeeded(source);
        var result = await signIn.SignInAfterPassword(user);
        if (result.IsLockedOut)
        {
            await audit.WriteForUser(user, "signin.locked-out");
            return LoginPage(context, returnUrl, Msg.Get("AccountPages.AccountLockedWhile"), 423);
        }
        if (result.IsNotAllowed) return LoginPage(context, returnUrl, Msg.Get("AccountPages.ConfirmEmailFirst"), 400, PasswordPages.ResendConfirmationLink(user.Email));
        if (result.RequiresTwoFactor) return Results.Redirect($"/account/2fa?returnUrl={Uri.EscapeDataString(returnUrl ?? LocalRedirects.Fallback)}");
        return await Complete(context, user, returnUrl, signIn);
    }

    /// <summary>Too many wrong passwords from this source (423), or for this account from unknown browsers (429).</summary>
    private static IResult Refused(HttpContext context, string? returnUrl, SignInRefusal refusal)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(refusal.RetryAfter.TotalMinutes));
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(refusal.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return refusal.Locked
            ? LoginPage(context, returnUrl, Msg.Get("AccountPages.TooManyAttemptsSignFromHere", minutes), 423)
            : LoginPage(context, returnUrl, Msg.Get("AccountPages.TooManyFailedSignInsAccount", minutes), 429);
    }

    private static string? _unknownHash;

    /// <summary>As much work as checking a real password, so an unknown address is not answered sooner.</summary>
    private static void SpendLikeAPasswordCheck(UserManager<OmsUser> users, string password)
    {
        var nobody = new OmsUser();
        _unknownHash ??= users.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString("N"));
        users.PasswordHasher.VerifyHashedPassword(nobody, _unknownHash, password);
    }

    private static IResult TwoFactorPage(HttpContext context, string? returnUrl, string? error, int status = 200) =>
        Page(Msg.Get("AccountPages.TwoFactor"), Error(error) + Form(context, $"/account/2fa?returnUrl={Uri.EscapeDataString(returnUrl ?? LocalRedirects.Fallback)}",
            Field("code", Msg.Get("AccountPages.DigitCode"), "text"), Msg.Get("AccountPages.Verify")), status);

    private static async Task<IResult> TwoFactor(HttpContext context, [FromForm] string code, string? returnUrl, SignInManager<OmsUser> signIn, AuditLog audit)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Results.Redirect("/account/login");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code.Replace(" ", ""), isPersistent: false, rememberClient: false);
        if (result.IsLockedOut)
        {
            await audit.WriteForUser(user, "signin.locked-out", "2fa");
            return TwoFactorPage(context, returnUrl, Msg.Get("AccountPages.TooManyAttemptsLockedWhile"), 423);
        }
        if (!result.Succeeded)
        {
            await audit.WriteForUser(user, "signin.failed", "2fa");
            return TwoFactorPage(context, returnUrl, Msg.Get("TwoFactorEnrolment.WrongCode"), 400);
        }
        return await Complete(context, user, returnUrl, signIn);
    }

    /// <summary>After the password (and code): pick the tenant, or ask when the user has several.</summary>
    private static async Task<IResult> Complete(HttpContext context, OmsUser user, string? returnUrl, SignInManager<OmsUser> signIn)
    {
        context.RequestServices.GetRequiredService<TrustedDevices>().Remember(context, user);
        var tenants = await context.RequestServices.GetRequiredService<TenantDirectory>().TenantsOf(user.Id);
        if (tenants.Count == 1) return await EnterTenant(context, user, tenants[0], returnUrl, signIn);
        if (tenants.Count == 0)
        {
            await signIn.SignOutAsync();
            return LoginPage(context, returnUrl, Msg.Get("AccountPages.AccountBelongsNoActiveCompany"), 403);
        }
        return Results.Redirect($"/account/tenant?returnUrl={Uri.EscapeDataString(returnUrl ?? LocalRedirects.Fallback)}");
    }

    private static async Task<IResult> EnterTenant(HttpContext context, OmsUser user, TenantAccount tenant, string? returnUrl, SignInManager<OmsUser> signIn)
    {
        if (tenant.RequireTwoFactor && !user.TwoFactorEnabled)
            return Results.Redirect($"/account/2fa/setup?tenant={Uri.EscapeDataString(tenant.Id)}&returnUrl={Uri.EscapeDataString(returnUrl ?? LocalRedirects.Fallback)}");
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(OmsClaims.Tenant, tenant.Id)]);
        await context.RequestServices.GetRequiredService<AuditLog>().Write(tenant.Id, user.Email!, "signin", user.Id, user.TwoFactorEnabled ? "2fa" : null);
        return Results.Redirect(LocalRedirects.Target(returnUrl));
    }

    /// <summary>Enrolment for a user whose company requires two-factor sign-in and who has not set it up yet.</summary>
    private static async Task<IResult> TwoFactorSetupPage(HttpContext context, string tenant, string? returnUrl, UserManager<OmsUser> users, string? error = null)
    {
        if (await users.GetUserAsync(context.User) is not { } user) return Results.Redirect("/account/login");
        // Already enrolled: never show the secret again (a shared computer, a stolen session).
        if (user.TwoFactorEnabled) return Results.Redirect($"/account/tenant?returnUrl={Uri.EscapeDataString(returnUrl ?? LocalRedirects.Fallback)}");
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var uri = $"otpauth://totp/CloudOMS:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=CloudOMS&digits=6";
        return Page(Msg.Get("AccountPages.SetUpTwoFactor"), Error(error)
            + $"""<p>{Msg.Get("AccountPages.AddKey")}<br><code id="key">{E(key)}</code></p><p class="muted">{E(uri)}</p>"""
            + Form(context, $"/account/2fa/setup?tenant={Uri.EscapeDataString(tenant)}&returnUrl={Uri.EscapeDataString(returnUrl ?? LocalRedirects.Fallback)}",
                Field("code", Msg.Get("AccountPages.DigitCode")), Msg.Get("AccountPages.EnableContinue")), error is null ? 200 : 400);
    }

    private static async Task<IResult> TwoFactorSetup(HttpContext context, string tenant, string? returnUrl, [FromForm] string code,
        UserManager<OmsUser> users, SignInManager<OmsUser> signIn, TenantDirectory directory, AuditLog audit)
    {
        if (await users.GetUserAsync(context.User) is not { } user) return Results.Redirect("/account/login");
        if (user.TwoFactorEnabled) return Results.Redirect($"/account/tenant?returnUrl={Uri.EscapeDataString(returnUrl ?? LocalRedirects.Fallback)}");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code.Replace(" ", "")))
            return await TwoFactorSetupPage(context, tenant, returnUrl, users, Msg.Get("TwoFactorEnrolment.WrongCode"));
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.WriteForUser(user, "2fa.enabled");
        var chosen = (await directory.TenantsOf(user.Id)).FirstOrDefault(t => t.Id == tenant);
        return chosen is null ? Results.Redirect("/account/tenant") : await EnterTenant(context, user, chosen, returnUrl, signIn);
    }

    private static async Task<IResult> TenantPage(HttpContext context, string? returnUrl, UserManager<OmsUser> users, TenantDirectory directory)
    {
        if (await users.GetUserAsync(context.User) is not { } user) return Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl ?? LocalRedirects.Fallback)}");
        var options = string.Concat((await directory.TenantsOf(user.Id)).Select(t => $"""<option value="{E(t.Id)}">{E(t.Name)}</option>"""));
        return Page(Msg.Get("AccountPages.ChooseCompany"), Form(context, $"/account/tenant?returnUrl={Uri.EscapeDataString(returnUrl ?? LocalRedirects.Fallback)}",
            $"""<label for="tenant">{Msg.Get("AccountPages.Company")}</label><select id="tenant" name="tenant">{options}</select>""", Msg.Get("AccountPages.Enter")));
    }

    private static async Task<IResult> ChooseTenant(HttpContext context, [FromForm] string tenant, string? returnUrl,
        UserManager<OmsUser> users, SignInManager<OmsUser> signIn, TenantDirectory directory)
    {
        if (await users.GetUserAsync(context.User) is not { } user) return Results.Redirect("/account/login");
        var chosen = (await directory.TenantsOf(user.Id)).FirstOrDefault(t => t.Id == tenant);
        return chosen is null
            ? Page(Msg.Get("AccountPages.ChooseCompany"), Error(Msg.Get("AccountPages.YouNotMemberCompany")), 403)
            : await EnterTenant(context, user, chosen, returnUrl, signIn);
    }
}
