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
        return routes;
    }
}
