using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.WebPortal.Api;

namespace CloudOMS.WebPortal.Tenants;

public static class TenantProfileApi
{
    public static IEndpointRouteBuilder MapTenantProfileApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenant/profile").WithTags("Tenant").WithProblems();
        // Any member may read the company's invoice details (documents they print carry them); only a tenant admin edits them.
        api.MapGet("/", async (CompanyProfiles profiles, CurrentAccess access) =>
                await profiles.Get(access.Required.TenantId) is { } profile ? Results.Ok(profile) : Results.NotFound())
            .WithSummary("The company profile: name and invoice details").RequirePermission(RequiresPermission.AnyMember);
        api.MapPut("/", async (CompanyDetails input, CompanyProfiles profiles, CurrentAccess access) =>
                (await profiles.Save(access.Required, input)).ToHttp(Results.Ok))
            .WithSummary("Edit the company profile (统一社会信用代码 checked)").RequirePermission(Permissions.UsersManage);
        var review = routes.MapGroup("/api/tenant/order-review").WithTags("Tenant").WithProblems();
        review.MapGet("/", async (OrderReviewSettingsStore settings, CurrentAccess access) =>
                await settings.Get(access.Required.TenantId) is { } current ? Results.Ok(current) : Results.NotFound())
            .WithSummary("How new orders are reviewed: autoApprove (自动审核) approves them as they are created").RequirePermission(Permissions.UsersManage);
        review.MapPut("/", async (OrderReviewSettings input, OrderReviewSettingsStore settings, CurrentAccess access) =>
                (await settings.Save(access.Required, input)).ToHttp(Results.Ok))
            .WithSummary("Switch 自动审核 on or off (audited)").RequirePermission(Permissions.UsersManage);
        return routes;
    }
}
