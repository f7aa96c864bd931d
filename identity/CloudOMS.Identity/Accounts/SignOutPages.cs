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
        pages.MapGet("/signed-out", () => Page(Msg.Get("SignOutPages.SignedOut"), $"""<p>{Msg.Get("SignOutPages.SignedOutBody")}</p><p><a id="continue" href="/app">{Msg.Get("SignOutPages.SignInAgain")}</a></p>"""));
        return pages;
    }

    /// <summary>The question a sign-out link leads to: one button that posts to <paramref name="action"/> with the token.</summary>
    public static IResult Confirm(HttpContext context, string action, string hiddenFields = "") =>
        Page(Msg.Get("SignOutPages.SignOut"), $"<p>{Msg.Get("SignOutPages.Confirm")}</p>" + Form(context, action, hiddenFields, Msg.Get("SignOutPages.SignOut2")));

    /// <summary>Whether a state-changing form post carries this site's antiforgery token (its endpoint binds no form field).</summary>
    public static async Task<bool> FromOurPage(HttpContext context) =>
        await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);

    /// <summary>A sign-out posted without our page's token (another site's form): nothing happens, the user may sign out here.</summary>
    public static IResult Refused(HttpContext context, string action) =>
        Page(Msg.Get("SignOutPages.SignOut"), Error(Msg.Get("SignOutPages.RequestDidNotComeFromSite"))
            + Form(context, action, "", Msg.Get("SignOutPages.SignOut2")), StatusCodes.Status400BadRequest);

    private static async Task<IResult> SignOut(HttpContext context, SignInManager<OmsUser> signIn, AuditLog audit)
    {
        if (!await FromOurPage(context)) return Refused(context, "/account/logout");
        if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
            await audit.Write(context.User.FindFirst(OmsClaims.Tenant)?.Value, user.Email ?? user.Id, "signout");
        await signIn.SignOutAsync();
        return Results.Redirect("/account/signed-out");
    }
}
