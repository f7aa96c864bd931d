using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using CloudOMS.Identity.Edge;

namespace CloudOMS.Identity.Admin;

public sealed record CodeInput(string? Code);

/// <summary>The caller's own account: who and where am I, two-factor enrolment and the password.</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/me").WithTags("Access").RequirePermission(RequiresPermission.AnyMember);
        me.MapGet("/", async (CurrentAccess access, TenantDirectory directory, HttpContext context) =>
        {
            var grant = access.Required;
            var userId = context.User.FindFirst("sub")?.Value;
            var tenants = userId is null ? [] : await directory.TenantsOf(userId);
            return Results.Ok(new { grant.TenantId, grant.Actor, Permissions = grant.Permissions.Order(), grant.Warehouses, Tenants = tenants.Select(t => new { t.Id, t.Name }) });
        });
        me.MapPost("/2fa/setup", async (CodeInput? input, HttpContext context, TwoFactorEnrolment enrolment) =>
            await User(context, enrolment) is { } user ? (await enrolment.Setup(user, input?.Code)).ToHttp(Results.Ok) : UsersOnly());
        me.MapPost("/2fa/enable", async (CodeInput input, HttpContext context, TwoFactorEnrolment enrolment, CurrentAccess access) =>
            await User(context, enrolment) is { } user ? (await enrolment.Enable(user, access.Required.TenantId, input.Code)).ToHttp() : UsersOnly());
        me.MapPost("/2fa/disable", async (CodeInput? input, HttpContext context, TwoFactorEnrolment enrolment, CurrentAccess access) =>
            await User(context, enrolment) is { } user ? (await enrolment.Disable(user, access.Required.TenantId, input?.Code)).ToHttp() : UsersOnly());
        me.MapPost("/password", async (PasswordInput input, HttpContext context, TwoFactorEnrolment enrolment, PasswordChange passwords) =>
                await User(context, enrolment) is { } user ? (await passwords.Change(user, input)).ToHttp() : UsersOnly())
            .WithSummary("Changes the caller's password (current, new, confirmation)")
            .WithDescription("Every access and refresh token of the user is revoked, this one included: sign in again with the new password.");
        return routes;
    }

    private static IResult UsersOnly() => Problems.Result(ErrorCodes.InvalidInput, Msg.Get("MeApi.UsersOnly"));

    private static async Task<OmsUser?> User(HttpContext context, TwoFactorEnrolment enrolment) =>
        context.User.FindFirst(OmsClaims.Kind)?.Value == OmsClaims.UserKind && context.User.FindFirst("sub")?.Value is { } id
            ? await enrolment.FindUser(id)
            : null;
}
