using CloudOMS.Grains;
using CloudOMS.Identity.Access;

namespace CloudOMS.WebPortal.Tenants;

/// <summary>The tenant grain's warehouse directory, for the identity's role rules.</summary>
public sealed class GrainTenantWarehouses(IGrainFactory grains) : ITenantWarehouses
{
    public async Task<IReadOnlySet<string>> Codes(string tenantId, CancellationToken cancellationToken = default) =>
        (await grains.Tenant(tenantId).GetWarehouses()).Select(w => w.Code).ToHashSet();
}
