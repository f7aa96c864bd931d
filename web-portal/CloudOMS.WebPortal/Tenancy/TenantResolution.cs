using CloudOMS.Silo.Tenancy;

namespace CloudOMS.WebPortal.Tenancy;

/// <summary>Who is acting in this request, for order timelines and stock movements.</summary>
public sealed class CurrentUser
{
    public string Name { get; set; } = "system";
}

/// <summary>Decides the tenant (and user) of a request. Only the resolver knows how.</summary>
public interface ITenantResolver
{
    /// <summary>Returns the tenant id, or null when the request has none (then /api answers 401).</summary>
    ValueTask<string?> Resolve(HttpContext context, CurrentUser user);
}

/// <summary>Until sign-in exists every API call acts for the seeded demo tenant.</summary>
public sealed class DemoTenantResolver : ITenantResolver
{
    public ValueTask<string?> Resolve(HttpContext context, CurrentUser user)
    {
        user.Name = "demo-admin";
        return ValueTask.FromResult<string?>(DemoTenant.Id);
    }
}

public static class TenantResolutionExtensions
{
    public static IServiceCollection AddTenantResolution(this IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddSingleton<ITenantResolver, DemoTenantResolver>();
        return services;
    }

    /// <summary>Sets the request's <see cref="TenantContext"/> once, before any API handler runs.</summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                var services = context.RequestServices;
                var tenantId = await services.GetRequiredService<ITenantResolver>().Resolve(context, services.GetRequiredService<CurrentUser>());
                if (tenantId is null)
                {
                    await TypedResults.Problem("请先登录 / sign in first", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
                    return;
                }
                services.GetRequiredService<TenantContext>().Set(tenantId);
            }
            await next(context);
        });
}
