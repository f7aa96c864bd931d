using CloudOMS.Billing.Subscriptions;
using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.Silo.Tenancy;

namespace CloudOMS.WebPortal.Tenants;

/// <summary>Who is acting in this request, for order timelines and stock movements.</summary>
public sealed class CurrentUser(CurrentAccess access)
{
    public string Name => access.Grant?.Actor ?? "system";

    /// <summary>Whether the caller may see and act on a warehouse's orders and stock.</summary>
    public bool Sees(string? warehouse) => access.Sees(warehouse);

    /// <summary>The warehouses the caller is limited to, or null for all.</summary>
    public IReadOnlySet<string>? Warehouses => access.Grant?.Warehouses;
}

/// <summary>
/// Creates a signed-up tenant's grain (so its orders can be numbered and its warehouses registered) and its
/// trial subscription, whose quotas the grain then enforces; its admin is the first user counted.
/// </summary>
public sealed class GrainTenantProvisioner(IGrainFactory grains, IServiceScopeFactory scopes, TimeProvider clock) : ITenantProvisioner
{
    public async Task Provision(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        var tenant = grains.Tenant(tenantId);
        await tenant.Create(new TenantProfile(tenantId, name, "trial", clock.GetUtcNow()));
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BillingService>().Get(tenantId, cancellationToken);
        await tenant.CorrectUsage(UsageKind.Users, 1);
    }
}

public static class TenantResolutionExtensions
{
    public static IServiceCollection AddTenantResolution(this IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddSingleton<ITenantProvisioner, GrainTenantProvisioner>();
        services.AddSingleton<ITenantWarehouses, Tenants.GrainTenantWarehouses>();
        services.AddSingleton<ITenantSeats, Tenants.GrainTenantSeats>();
        services.AddScoped<Tenants.CompanyProfiles>();
        services.AddScoped<Tenants.OrderReviewSettingsStore>();
        services.AddSingleton<Seeding.DemoIdentitySeeder>();
        return services;
    }

    /// <summary>
    /// Sets the request's <see cref="TenantContext"/> from the caller's grant (the signed-in user's
    /// current tenant, checked against membership, or the API client's tenant). Never from a header.
    /// </summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.RequestServices.GetRequiredService<CurrentAccess>().Grant is { } grant)
                context.RequestServices.GetRequiredService<TenantContext>().Set(grant.TenantId);
            await next(context);
        });
}
