using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace CloudOMS.Identity.Admin;

public sealed record CodeInput(string? Code);

/// <summary>The caller's own account: who and where am I, and two-factor enrolment.</summary>
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
        me.MapPost("/2fa/setup", async (CodeInput? input, HttpContext context, UserManager<OmsUser> users) =>
        {
            if (await User(context, users) is not { } user) return Results.Problem("仅限用户账号 / users only", statusCode: 400);
            // Replacing an enrolled authenticator needs a code from it: a token alone is not enough.
            if (user.TwoFactorEnabled && !await CodeIsValid(users, user, input?.Code)) return WrongCode();
            await users.ResetAuthenticatorKeyAsync(user);
            var key = await users.GetAuthenticatorKeyAsync(user);
            var uri = $"otpauth://totp/CloudOMS:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=CloudOMS&digits=6";
            return Results.Ok(new { SharedKey = key, AuthenticatorUri = uri });
        });
        me.MapPost("/2fa/enable", async (CodeInput input, HttpContext context, UserManager<OmsUser> users, CurrentAccess access, AuditLog audit) =>
        {
            if (await User(context, users) is not { } user) return Results.Problem("仅限用户账号 / users only", statusCode: 400);
            if (!await CodeIsValid(users, user, input.Code)) return WrongCode();
            await users.SetTwoFactorEnabledAsync(user, true);
            await audit.Write(access.Required.TenantId, user.Email!, "2fa.enabled");
            return Results.NoContent();
        });
        me.MapPost("/2fa/disable", async (CodeInput? input, HttpContext context, UserManager<OmsUser> users, CurrentAccess access, AuditLog audit) =>
        {
            if (await User(context, users) is not { } user) return Results.Problem("仅限用户账号 / users only", statusCode: 400);
            if (!await CodeIsValid(users, user, input?.Code)) return WrongCode();
            await users.SetTwoFactorEnabledAsync(user, false);
            await audit.Write(access.Required.TenantId, user.Email!, "2fa.disabled");
            return Results.NoContent();
        });
        return routes;
    }

    private static async Task<bool> CodeIsValid(UserManager<OmsUser> users, OmsUser user, string? code) =>
        !string.IsNullOrWhiteSpace(code) && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code.Replace(" ", ""));

    private static IResult WrongCode() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["验证码不正确 / wrong code"] }, title: "输入有误 / invalid input");

    private static async Task<OmsUser?> User(HttpContext context, UserManager<OmsUser> users) =>
        context.User.FindFirst(OmsClaims.Kind)?.Value == OmsClaims.UserKind && context.User.FindFirst("sub")?.Value is { } id
            ? await users.FindByIdAsync(id)
            : null;
}
