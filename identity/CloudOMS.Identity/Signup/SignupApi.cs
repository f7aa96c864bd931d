using CloudOMS.Identity.Accounts;

namespace CloudOMS.Identity.Signup;

public static class SignupApi
{
    public static IEndpointRouteBuilder MapSignupApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/signup", async (SignupInput input, SignupService signup, CancellationToken cancellationToken) =>
            {
                var (result, errors) = await signup.Signup(input, cancellationToken);
                return result is null
                    ? Results.ValidationProblem(errors, title: "输入有误 / invalid input")
                    : Results.Created($"/api/me", result);
            })
            .AllowAnonymous()
            .RequireRateLimiting(AccountRateLimits.Signup)
            .WithTags("Sign-up")
            .WithSummary("Create a company (tenant, trial) and its admin; a confirmation link is emailed");
        return routes;
    }
}
