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
                    : Page("请查收验证邮件 / Check your email",
                        $"""<p id="signed-up">“{E(companyName)}”已开通 14 天试用。我们已向 {E(email)} 发送验证邮件，验证后即可登录。</p><p>Your company is on a 14-day trial. Confirm your email, then <a href="/account/login">sign in</a>.</p>""");
            })
            .RequireRateLimiting(AccountRateLimits.Signup)
            .ExcludeFromDescription();
        return routes;
    }

    private static IResult Form(HttpContext context, SignupInput input, Dictionary<string, string[]> errors, int status = 200)
    {
        string Error(string field) => errors.TryGetValue(field, out var messages) ? $"""<p class="error" id="error-{field}">{E(string.Join(" ", messages))}</p>""" : "";
        return Page("注册公司 / Sign up your company", Html.Form(context, "/account/signup",
            Field("companyName", "公司名称 / Company name", value: input.CompanyName) + Error("companyName")
            + Field("slug", "公司短名（网址用，如 linyi-trade） / Short name for links", value: input.Slug) + Error("slug")
            + Field("contactName", "联系人 / Contact name", value: input.ContactName) + Error("contactName")
            + Optional("phone", "电话（选填） / Phone (optional)", input.Phone) + Error("phone")
            + Field("email", "管理员邮箱 / Admin email", "email", input.Email) + Error("email")
            + Field("password", "密码（至少 8 位，含字母和数字） / Password", "password") + Error("password"),
            "免费试用 / Start free trial")
            + """<p class="muted"><a href="/account/login">已有账号？登录 / Sign in</a></p>""", status);
    }

    private static string Optional(string name, string label, string? value) =>
        $"""<label for="{name}">{E(label)}</label><input id="{name}" name="{name}" value="{E(value)}">""";
}
