using CloudOMS.Identity.Accounts;
using Microsoft.AspNetCore.Mvc;
using static CloudOMS.Identity.Accounts.Html;

namespace CloudOMS.Identity.Signup;

/// <summary>Self-service sign-up for a person: the same rules as POST /api/signup, as a page.</summary>
public static class SignupPage
{
    public static IEndpointRouteBuilder MapSignupPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/account/signup", (HttpContext context) => Form(context, new SignupInput(null, null, null, null, null, null), []))
            .ExcludeFromDescription();
        routes.MapPost("/account/signup", async (HttpContext context, SignupService signup, CancellationToken cancellationToken,
                [FromForm] string? companyName, [FromForm] string? slug, [FromForm] string? contactName, [FromForm] string? phone,
                [FromForm] string? email, [FromForm] string? password) =>
            {
                var input = new SignupInput(companyName, slug, contactName, phone, email, password);
                var outcome = await signup.Signup(input, cancellationToken);
                return outcome.Result is null
                    ? Form(context, input, outcome.Errors, outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest)
                    : Page(Msg.Get("SignupPage.CheckEmail"),
                        $"""<p id="signed-up">{Msg.Get("SignupPage.SignedUp", E(companyName), E(email))}</p><p><a id="continue" href="/app">{Msg.Get("Html.SignInLink")}</a></p><p class="muted">{Msg.Get("SignupPage.NoMail")} {PasswordPages.ResendConfirmationLink(email)}</p>""");
            })
            .RequireRateLimiting(AccountRateLimits.Signup)
            .ExcludeFromDescription();
        return routes;
    }

    private static IResult Form(HttpContext context, SignupInput input, Dictionary<string, string[]> errors, int status = 200)
    {
        string Error(string field) => errors.TryGetValue(field, out var messages) ? $"""<p class="error" id="error-{field}">{E(string.Join(" ", messages))}</p>""" : "";
        return Page(Msg.Get("SignupPage.SignUpCompany"), Html.Form(context, "/account/signup",
            Field("companyName", Msg.Get("SignupPage.CompanyName"), value: input.CompanyName) + Error("companyName")
            + Field("slug", Msg.Get("SignupPage.ShortNameLinks"), value: input.Slug) + Error("slug")
            + Field("contactName", Msg.Get("SignupPage.ContactName"), value: input.ContactName) + Error("contactName")
            + Optional("phone", Msg.Get("SignupPage.PhoneOptional"), input.Phone) + Error("phone")
            + Field("email", Msg.Get("SignupPage.AdminEmail"), "email", input.Email) + Error("email")
            + Field("password", Msg.Get("SignupPage.Password"), "password") + Error("password"),
            Msg.Get("SignupPage.StartFreeTrial"))
            + $"""<p class="muted"><a id="continue" href="/app">{Msg.Get("SignupPage.HaveAccount")}</a></p>""", status);
    }

    private static string Optional(string name, string label, string? value) =>
        $"""<label for="{name}">{E(label)}</label><input id="{name}" name="{name}" value="{E(value)}">""";
}
