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
        pages.MapGet("/confirm/resend", (HttpContext c, string? email) => Page(Msg.Get("PasswordPages.ResendConfirmation"),
            $"<p>{Msg.Get("PasswordPages.ResendConfirmationHint")}</p>" + Form(c, "/account/confirm/resend", Field("email", Msg.Get("PasswordPages.Email"), "email", email), Msg.Get("PasswordPages.SendConfirmation"))));
        pages.MapPost("/confirm/resend", ResendConfirmation).RequireRateLimiting(AccountRateLimits.PasswordReset);
        pages.MapGet("/forgot", (HttpContext c) => Page(Msg.Get("PasswordPages.ResetPassword"), Form(c, "/account/forgot", Field("email", Msg.Get("PasswordPages.Email"), "email"), Msg.Get("PasswordPages.SendLink"))));
        pages.MapPost("/forgot", Forgot).RequireRateLimiting(AccountRateLimits.PasswordReset);
        pages.MapGet("/reset", (HttpContext c, string email, string code) => Page(Msg.Get("PasswordPages.NewPassword"),
            Form(c, "/account/reset", Hidden("email", email) + Hidden("code", code) + Field("password", Msg.Get("PasswordPages.NewPassword2"), "password"), Msg.Get("PasswordPages.Save"))));
        pages.MapPost("/reset", Reset);
        return pages;
    }

    private static async Task<IResult> ConfirmEmail(string userId, string code, UserManager<OmsUser> users, AuditLog audit)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !(await users.ConfirmEmailAsync(user, code)).Succeeded)
            return Page(Msg.Get("PasswordPages.ConfirmationFailed"), Error(Msg.Get("Invitations.LinkInvalidExpired")), 400);
        await audit.WriteForUser(user, "email.confirmed");
        return Page(Msg.Get("PasswordPages.EmailConfirmed"), $"""<p>{Msg.Get("PasswordPages.CanSignIn")}</p><p><a id="continue" href="/app">{Msg.Get("Html.SignInLink")}</a></p>""");
    }

    /// <summary>A link for <c>/account/confirm/resend</c>, the address filled in when known.</summary>
    public static string ResendConfirmationLink(string? email) =>
        $"""<a id="resend-confirmation" href="/account/confirm/resend{(string.IsNullOrWhiteSpace(email) ? "" : "?email=" + Uri.EscapeDataString(email.Trim()))}">{Msg.Get("PasswordPages.ResendConfirmation")}</a>""";

    /// <summary>A fresh confirmation link for an account not confirmed yet; limited and answered like a reset request.</summary>
    private static async Task<IResult> ResendConfirmation(HttpContext context, [FromForm] string email, UserManager<OmsUser> users, IEmailSender mail,
        PublicUrls links, AccountBudgets budgets)
    {
        if (budgets.ConfirmationMail(email, context) is { } wait) return AccountRateLimits.TooManyRequests(context, wait);
        if (await users.FindByEmailAsync(email.Trim()) is { EmailConfirmed: false } user)
        {
            var code = await users.GenerateEmailConfirmationTokenAsync(user);
            var link = links.EmailConfirmation(user.Id, code);
            await mail.Send(user.Email!, Msg.Get("SignupService.ConfirmEmail"), $"""<p>{Msg.Get("SignupService.ConfirmLink")} <a href="{E(link)}">{E(link)}</a></p>""");
        }
        // The same answer for an unknown, a confirmed and an unconfirmed address: the page reveals no accounts.
        return Page(Msg.Get("PasswordPages.CheckEmail"), $"""<p id="confirmation-sent">{Msg.Get("PasswordPages.ConfirmationSent")}</p><p><a id="continue" href="/app">{Msg.Get("Html.SignInLink")}</a></p>""");
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
            await mail.Send(user.Email!, Msg.Get("PasswordPages.ResetPassword2"), $"""<p>{Msg.Get("PasswordPages.SetNewPasswordLink")} <a href="{E(link)}">{E(link)}</a></p>""");
        }
        // The same answer whether or not the address exists, so the page reveals no accounts.
        return Page(Msg.Get("PasswordPages.CheckEmail"), $"<p>{Msg.Get("PasswordPages.ResetSent")}</p>");
    }

    private static async Task<IResult> Reset(HttpContext context, [FromForm] string email, [FromForm] string code, [FromForm] string password,
        UserManager<OmsUser> users, AuditLog audit)
    {
        var user = await users.FindByEmailAsync(email);
        var result = user is null ? IdentityResult.Failed() : await users.ResetPasswordAsync(user, code, password);
        if (result.Succeeded) await audit.WriteForUser(user!, "password.reset");
        if (!result.Succeeded)
            return Page(Msg.Get("PasswordPages.NewPassword"), Error(string.Join(" ", result.Errors.Select(e => e.Description)) is { Length: > 0 } d ? d : Msg.Get("PasswordPages.InvalidExpiredLink"))
                + Form(context, "/account/reset", Hidden("email", email) + Hidden("code", code) + Field("password", Msg.Get("PasswordPages.NewPassword2"), "password"), Msg.Get("PasswordPages.Save")), 400);
        return Page(Msg.Get("PasswordPages.PasswordChanged"), $"""<p><a id="continue" href="/app">{Msg.Get("Html.SignInLink")}</a></p>""");
    }
}
