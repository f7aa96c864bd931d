using CloudOMS.Identity.Edge;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CloudOMS.Identity.Access;

public static class AccessExtensions
{
    /// <summary>
    /// For every /api route: a valid bearer token (401 otherwise), a tenant membership or live API
    /// client behind it (403), and the permission the route declares (403). A route that declares
    /// none is refused, so a new route cannot be left open by mistake.
    /// </summary>
    public static IApplicationBuilder UseCloudOmsAccess(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (!context.Request.Path.StartsWithSegments("/api") || endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                await next(context);
                return;
            }
            if (endpoint is not RouteEndpoint)
            {
                // Routing's own refusal of a request no route accepts (a body that is not JSON: 415; another method:
                // 405). It runs no route's code and reveals nothing the OpenAPI document does not.
                await next(context);
                if (context.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType && !context.Response.HasStarted)
                    await Problem(context, ErrorCodes.UnsupportedMediaType, Msg.Get("AccessMiddleware.BodyJSONContentTypeApplicationJson"));
                return;
            }
            var authenticated = await context.AuthenticateAsync(IdentityHostingExtensions.BearerScheme);
            if (!authenticated.Succeeded)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Problem(context, ErrorCodes.Unauthorized, Msg.Get("AccessMiddleware.SignFirst"));
                return;
            }
            var grant = await context.RequestServices.GetRequiredService<AccessGrants>().Resolve(authenticated.Principal!, context.RequestServices, context.RequestAborted);
            if (grant is null)
            {
                await Problem(context, ErrorCodes.Forbidden, Msg.Get("AccessMiddleware.NoAccessCompany"));
                return;
            }
            context.User = authenticated.Principal!;
            context.RequestServices.GetRequiredService<CurrentAccess>().Grant = grant;
            var required = endpoint.Metadata.GetOrderedMetadata<RequiresPermission>();
            if (required.Count == 0)
            {
                await Problem(context, ErrorCodes.Forbidden, Msg.Get("AccessMiddleware.RouteDeclaresNoPermission"));
                return;
            }
            var missing = required.Select(r => r.Code).Where(c => c != RequiresPermission.AnyMember && !grant.Permissions.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                var names = missing.Select(c => Permissions.All.FirstOrDefault(p => p.Code == c)?.NameZh ?? c);
                await Problem(context, ErrorCodes.Forbidden, Msg.Get("AccessMiddleware.MissingPermission", string.Join("、", names), string.Join(", ", missing)));
                return;
            }
            await next(context);
        });

    private static Task Problem(HttpContext context, string code, string detail) => Problems.Result(code, detail).ExecuteAsync(context);
}
