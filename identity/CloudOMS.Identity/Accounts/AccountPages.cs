using System.Security.Claims;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using CloudOMS.Identity.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static CloudOMS.Identity.Accounts.Html;

namespace CloudOMS.Identity.Accounts;

/// <summary>Sign-in, company choice, two-factor, email confirmation and password reset pages.</summary>
public static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/account").ExcludeFromDescription();
        pages.MapGet("/login", (HttpContext c, string? returnUrl) => LoginPage(c, returnUrl, null));
        pages.MapPost("/login", Login).RequireRateLimiting(IdentityHostingExtensions.SignInRateLimit);
        pages.MapGet("/2fa", (HttpContext c, string? returnUrl) => TwoFactorPage(c, returnUrl, null));
        pages.MapPost("/2fa", TwoFactor).RequireRateLimiting(IdentityHostingExtensions.SignInRateLimit);
        pages.MapGet("/tenant", TenantPage);
        pages.MapPost("/tenant", ChooseTenant);
        pages.MapGet("/logout", async (SignInManager<OmsUser> signIn) => { await signIn.SignOutAsync(); return Results.Redirect("/account/signed-out"); });
        pages.MapGet("/signed-out", () => Page("已退出 / Signed out", """<p>您已安全退出。You are signed out.</p><p><a href="/account/login">重新登录 / Sign in</a></p>"""));
        pages.MapGet("/confirm", ConfirmEmail);
        pages.MapGet("/forgot", (HttpContext c) => Page("找回密码 / Reset password", Form(c, "/account/forgot", Field("email", "邮箱 / Email", "email"), "发送重置链接 / Send link")));
        pages.MapPost("/forgot", Forgot).RequireRateLimiting(IdentityHostingExtensions.SignInRateLimit);
        pages.MapGet("/reset", (HttpContext c, string email, string code) => Page("设置新密码 / New password",
            Form(c, "/account/reset", Hidden("email", email) + Hidden("code", code) + Field("password", "新密码 / New password", "password"), "保存 / Save")));
        pages.MapPost("/reset", Reset);
        return routes;
    }

    private static IResult LoginPage(HttpContext context, string? returnUrl, string? error, int status = 200) =>
        Page("登录 CloudOMS / Sign in", Error(error) + Form(context, $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}",
            Field("email", "邮箱 / Email", "email") + Field("password", "密码 / Password", "password"), "登录 / Sign in")
            + """<p class="muted"><a href="/account/forgot">忘记密码？/ Forgot password?</a></p>""", status);

    private static async Task<IResult> Login(HttpContext context, [FromForm] string email, [FromForm] string password, string? returnUrl,
        UserManager<OmsUser> users, SignInManager<OmsUser> signIn, AuditLog audit)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await audit.Write(null, email, "signin.failed", detail: "unknown email");
            return LoginPage(context, returnUrl, "邮箱或密码错误 / wrong email or password", 400);
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.Write(null, user.Email!, "signin.locked-out");
            return LoginPage(context, returnUrl, "密码错误次数过多，账号已暂时锁定，请稍后再试 / too many attempts: the account is locked for a while", 423);
        }
        if (result.IsNotAllowed) return LoginPage(context, returnUrl, "请先点击邮件中的链接验证邮箱 / confirm your email first", 400);
        if (result.RequiresTwoFactor) return Results.Redirect($"/account/2fa?returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}");
        if (!result.Succeeded)
        {
            await audit.Write(null, user.Email!, "signin.failed");
            return LoginPage(context, returnUrl, "邮箱或密码错误 / wrong email or password", 400);
        }
        await audit.Write(null, user.Email!, "signin");
        return await Complete(context, user, returnUrl, signIn);
    }

    private static IResult TwoFactorPage(HttpContext context, string? returnUrl, string? error, int status = 200) =>
        Page("两步验证 / Two-factor", Error(error) + Form(context, $"/account/2fa?returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}",
            Field("code", "验证器中的 6 位数字 / 6-digit code", "text"), "验证 / Verify"), status);

    private static async Task<IResult> TwoFactor(HttpContext context, [FromForm] string code, string? returnUrl, SignInManager<OmsUser> signIn, AuditLog audit)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Results.Redirect("/account/login");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code.Replace(" ", ""), isPersistent: false, rememberClient: false);
        if (result.IsLockedOut)
        {
            await audit.Write(null, user.Email!, "signin.locked-out", detail: "2fa");
            return TwoFactorPage(context, returnUrl, "错误次数过多，账号已暂时锁定 / too many attempts: locked for a while", 423);
        }
        if (!result.Succeeded)
        {
            await audit.Write(null, user.Email!, "signin.failed", detail: "2fa");
            return TwoFactorPage(context, returnUrl, "验证码不正确 / wrong code", 400);
        }
        await audit.Write(null, user.Email!, "signin", detail: "2fa");
        return await Complete(context, user, returnUrl, signIn);
    }

    /// <summary>After the password (and code): pick the tenant, or ask when the user has several.</summary>
    private static async Task<IResult> Complete(HttpContext context, OmsUser user, string? returnUrl, SignInManager<OmsUser> signIn)
    {
        var tenants = await context.RequestServices.GetRequiredService<TenantDirectory>().TenantsOf(user.Id);
        if (tenants.Count == 1) return await EnterTenant(context, user, tenants[0], returnUrl, signIn);
        if (tenants.Count == 0)
        {
            await signIn.SignOutAsync();
            return LoginPage(context, returnUrl, "该账号没有可用的公司 / this account belongs to no active company", 403);
        }
        return Results.Redirect($"/account/tenant?returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}");
    }

    private static async Task<IResult> EnterTenant(HttpContext context, OmsUser user, TenantAccount tenant, string? returnUrl, SignInManager<OmsUser> signIn)
    {
        if (tenant.RequireTwoFactor && !user.TwoFactorEnabled)
            return Page("需要两步验证 / Two-factor required", Error($"{tenant.Name} 要求开启两步验证，请先在个人设置中绑定验证器。 / {tenant.Name} requires two-factor sign-in: enrol an authenticator first."), 403);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(OmsClaims.Tenant, tenant.Id)]);
        return Results.Redirect(SafeReturn(returnUrl));
    }

    private static async Task<IResult> TenantPage(HttpContext context, string? returnUrl, UserManager<OmsUser> users, TenantDirectory directory)
    {
        if (await users.GetUserAsync(context.User) is not { } user) return Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}");
        var options = string.Concat((await directory.TenantsOf(user.Id)).Select(t => $"""<option value="{E(t.Id)}">{E(t.Name)}</option>"""));
        return Page("选择公司 / Choose company", Form(context, $"/account/tenant?returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}",
            $"""<label for="tenant">公司 / Company</label><select id="tenant" name="tenant">{options}</select>""", "进入 / Enter"));
    }

    private static async Task<IResult> ChooseTenant(HttpContext context, [FromForm] string tenant, string? returnUrl,
        UserManager<OmsUser> users, SignInManager<OmsUser> signIn, TenantDirectory directory)
    {
        if (await users.GetUserAsync(context.User) is not { } user) return Results.Redirect("/account/login");
        var chosen = (await directory.TenantsOf(user.Id)).FirstOrDefault(t => t.Id == tenant);
        return chosen is null
            ? Page("选择公司 / Choose company", Error("您不是该公司的成员 / you are not a member of that company"), 403)
            : await EnterTenant(context, user, chosen, returnUrl, signIn);
    }

    private static async Task<IResult> ConfirmEmail(string userId, string code, UserManager<OmsUser> users, AuditLog audit)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !(await users.ConfirmEmailAsync(user, code)).Succeeded)
            return Page("验证失败 / Confirmation failed", Error("链接无效或已过期 / the link is invalid or expired"), 400);
        await audit.Write(null, user.Email!, "email.confirmed");
        return Page("邮箱已验证 / Email confirmed", """<p>现在可以登录了。You can sign in now.</p><p><a href="/account/login">登录 / Sign in</a></p>""");
    }

    private static async Task<IResult> Forgot(HttpContext context, [FromForm] string email, UserManager<OmsUser> users, IEmailSender mail)
    {
        if (await users.FindByEmailAsync(email.Trim()) is { EmailConfirmed: true } user)
        {
            var code = await users.GeneratePasswordResetTokenAsync(user);
            var link = $"{context.Request.Scheme}://{context.Request.Host}/account/reset?email={Uri.EscapeDataString(user.Email!)}&code={Uri.EscapeDataString(code)}";
            await mail.Send(user.Email!, "CloudOMS 重置密码 / Reset your password", $"""<p>点击链接设置新密码 / Set a new password: <a href="{E(link)}">{E(link)}</a></p>""");
        }
        // The same answer whether or not the address exists, so the page reveals no accounts.
        return Page("请查收邮件 / Check your email", "<p>如果该邮箱已注册，我们已发送重置链接。If the address is registered, a reset link is on its way.</p>");
    }

    private static async Task<IResult> Reset(HttpContext context, [FromForm] string email, [FromForm] string code, [FromForm] string password,
        UserManager<OmsUser> users, AuditLog audit)
    {
        var user = await users.FindByEmailAsync(email);
        var result = user is null ? IdentityResult.Failed() : await users.ResetPasswordAsync(user, code, password);
        if (!result.Succeeded)
            return Page("设置新密码 / New password", Error(string.Join(" ", result.Errors.Select(e => e.Description)) is { Length: > 0 } d ? d : "链接无效或已过期 / invalid or expired link")
                + Form(context, "/account/reset", Hidden("email", email) + Hidden("code", code) + Field("password", "新密码 / New password", "password"), "保存 / Save"), 400);
        await audit.Write(null, email, "password.reset");
        return Page("密码已更新 / Password changed", """<p><a href="/account/login">登录 / Sign in</a></p>""");
    }
}
