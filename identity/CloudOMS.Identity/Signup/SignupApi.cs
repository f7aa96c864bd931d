using CloudOMS.Identity.Accounts;
using CloudOMS.Identity.Edge;

namespace CloudOMS.Identity.Signup;

public static class SignupApi
{
    public static IEndpointRouteBuilder MapSignupApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/signup", async (SignupInput input, SignupService signup, CancellationToken cancellationToken) =>
            {
                var outcome = await signup.Signup(input, cancellationToken);
                if (outcome.Result is { } created) return Results.Created("/api/me", created);
                return outcome.Conflict
                    ? Problems.Invalid(outcome.Errors, ErrorCodes.Conflict, Msg.Get("SignupApi.AnotherSignUpTookSlugJust"))
                    : Problems.Invalid(outcome.Errors);
            })
            .AllowAnonymous()
            .RequireRateLimiting(AccountRateLimits.Signup)
            .WithTags("Sign-up")
            .WithSummary("Create a company (tenant, trial) and its admin; a confirmation link is emailed")
            .WithDescription("The answer does not depend on whether the email already has an account: its owner is told by mail instead.");
        return routes;
    }
}
