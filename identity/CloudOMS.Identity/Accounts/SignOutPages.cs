using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using static CloudOMS.Identity.Accounts.Html;

namespace CloudOMS.Identity.Accounts;

/// <summary>
/// Signing out changes state, so it is a POST carrying the page's antiforgery token: another site can neither
/// link nor post a user out of CloudOMS. A GET only asks.
/// </summary>
public static class SignOutPages
{
    public static RouteGroupBuilder MapSignOutPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/logout", (HttpContext c) => Confirm(c, "/account/logout"));
        pages.MapPost("/logout", SignOut);
        pages.MapGet("/signed-out", () => Page("已退出 / Signed out", """<p>您已安全退出。You are signed out.</p><p><a href="/account/login">重新登录 / Sign in</a></p>"""));
        return pages;
    }

    /// <summary>The question a sign-out link leads to: one button that posts to <paramref name="action"/> with the token.</summary>
    public static IResult Confirm(HttpContext context, string action, string hiddenFields = "") =>
        Page("退出登录 / Sign out", "<p>确定要退出 CloudOMS 吗？Sign out of CloudOMS?</p>" + Form(context, action, hiddenFields, "退出 / Sign out"));

    /// <summary>Whether a state-changing form post carries this site's antiforgery token (its endpoint binds no form field).</summary>
    public static async Task<bool> FromOurPage(HttpContext context) =>
        await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);

    /// <summary>A sign-out posted without our page's token (another site's form): nothing happens, the user may sign out here.</summary>
    public static IResult Refused(HttpContext context, string action) =>
        Page("退出登录 / Sign out", Error("请求来自其他网站，未退出 / the request did not come from this site: you are still signed in")
            + Form(context, action, "", "退出 / Sign out"), StatusCodes.Status400BadRequest);

    private static async Task<IResult> SignOut(HttpContext context, SignInManager<OmsUser> signIn, AuditLog audit)
    {
        if (!await FromOurPage(context)) return Refused(context, "/account/logout");
        if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
            await audit.Write(context.User.FindFirst(OmsClaims.Tenant)?.Value, user.Email ?? user.Id, "signout");
        await signIn.SignOutAsync();
        return Results.Redirect("/account/signed-out");
    }
}
