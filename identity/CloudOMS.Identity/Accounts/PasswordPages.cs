using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using CloudOMS.Identity.Edge;
using CloudOMS.Identity.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using static CloudOMS.Identity.Accounts.Html;

namespace CloudOMS.Identity.Accounts;

/// <summary>Email confirmation, forgotten password and the new password behind the mailed link.</summary>
public static class PasswordPages
{
    public static RouteGroupBuilder MapPasswordPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/confirm", ConfirmEmail);
        pages.MapGet("/forgot", (HttpContext c) => Page("找回密码 / Reset password", Form(c, "/account/forgot", Field("email", "邮箱 / Email", "email"), "发送重置链接 / Send link")));
        pages.MapPost("/forgot", Forgot).RequireRateLimiting(AccountRateLimits.PasswordReset);
        pages.MapGet("/reset", (HttpContext c, string email, string code) => Page("设置新密码 / New password",
            Form(c, "/account/reset", Hidden("email", email) + Hidden("code", code) + Field("password", "新密码 / New password", "password"), "保存 / Save")));
        pages.MapPost("/reset", Reset);
        return pages;
    }

    private static async Task<IResult> ConfirmEmail(string userId, string code, UserManager<OmsUser> users, AuditLog audit)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !(await users.ConfirmEmailAsync(user, code)).Succeeded)
            return Page("验证失败 / Confirmation failed", Error("链接无效或已过期 / the link is invalid or expired"), 400);
        await audit.WriteForUser(user, "email.confirmed");
        return Page("邮箱已验证 / Email confirmed", """<p>现在可以登录了。You can sign in now.</p><p><a href="/account/login">登录 / Sign in</a></p>""");
    }

    private static async Task<IResult> Forgot(HttpContext context, [FromForm] string email, UserManager<OmsUser> users, IEmailSender mail,
        PublicUrls links, AccountBudgets budgets)
    {
        // Counted by the address as typed, whether it has an account or not, so a refusal tells nothing either.
        if (budgets.ResetMail(email, context) is { } wait) return AccountRateLimits.TooManyRequests(context, wait);
        if (await users.FindByEmailAsync(email.Trim()) is { EmailConfirmed: true } user)
        {
            var code = await users.GeneratePasswordResetTokenAsync(user);
            var link = links.Link($"/account/reset?email={Uri.EscapeDataString(user.Email!)}&code={Uri.EscapeDataString(code)}");
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
        if (result.Succeeded) await audit.WriteForUser(user!, "password.reset");
        if (!result.Succeeded)
            return Page("设置新密码 / New password", Error(string.Join(" ", result.Errors.Select(e => e.Description)) is { Length: > 0 } d ? d : "链接无效或已过期 / invalid or expired link")
                + Form(context, "/account/reset", Hidden("email", email) + Hidden("code", code) + Field("password", "新密码 / New password", "password"), "保存 / Save"), 400);
        return Page("密码已更新 / Password changed", """<p><a href="/account/login">登录 / Sign in</a></p>""");
    }
}
