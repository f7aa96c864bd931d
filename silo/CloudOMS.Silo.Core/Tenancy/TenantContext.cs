namespace CloudOMS.Silo.Tenancy;

/// <summary>
/// The tenant of the current request, set once by the host's tenant resolver. Read-model queries
/// filter on it and API handlers address grains with it; nothing else decides the tenant.
/// </summary>
public sealed class TenantContext
{
    public string? TenantId { get; private set; }

    public string Required => TenantId ?? throw new InvalidOperationException("No tenant was resolved for this request.");

    public void Set(string tenantId)
    {
        if (TenantId is not null && TenantId != tenantId)
            throw new InvalidOperationException("The tenant of a request cannot change.");
        TenantId = tenantId;
    }
}
