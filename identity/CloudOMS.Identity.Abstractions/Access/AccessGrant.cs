namespace CloudOMS.Identity.Access;

/// <summary>What the caller of a request may do, in which tenant.</summary>
/// <param name="Warehouses">Null when the caller sees every warehouse; otherwise the only ones it may see.</param>
public sealed record AccessGrant(string TenantId, string Actor, IReadOnlySet<string> Permissions, IReadOnlySet<string>? Warehouses)
{
    /// <summary>Whether this caller may see a warehouse's orders and stock (a scoped caller never sees unallocated orders).</summary>
    public bool Sees(string? warehouse) => Warehouses is null || (warehouse is not null && Warehouses.Contains(warehouse));
}
