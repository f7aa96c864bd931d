using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Admin;

namespace CloudOMS.WebPortal.Tenants;

/// <summary>
/// The company's order review settings (自动审核), kept by the tenant grain beside the profile and edited by the same
/// people (users.manage). One code path for /api/tenant/order-review and the portal's company settings; each change
/// is audited.
/// </summary>
public sealed class OrderReviewSettingsStore(IGrainFactory grains, AuditLog audit)
{
    public async Task<OrderReviewSettings?> Get(string tenantId) =>
        await grains.Tenant(tenantId).GetProfile() is null ? null : await grains.Tenant(tenantId).GetOrderReview();

    public async Task<AdminResult> Save(AccessGrant actor, OrderReviewSettings settings)
    {
        if (await Get(actor.TenantId) is not { } before) return AdminResult.NotFound();
        var saved = await grains.Tenant(actor.TenantId).SetOrderReview(settings);
        if (before != saved)
            await audit.Write(actor.TenantId, actor.Actor, "tenant.order-review-changed", "autoApprove", saved.AutoApprove ? "on" : "off");
        return AdminResult.Done(saved);
    }
}
