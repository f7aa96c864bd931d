namespace CloudOMS.Identity.Access;

/// <summary>The warehouse codes a tenant has, so a role is never scoped to a warehouse that does not exist; the portal host provides it.</summary>
public interface ITenantWarehouses
{
    Task<IReadOnlySet<string>> Codes(string tenantId, CancellationToken cancellationToken = default);
}
