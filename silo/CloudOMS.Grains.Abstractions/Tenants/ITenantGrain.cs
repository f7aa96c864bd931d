namespace CloudOMS.Grains;

public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant once; a second call with the same profile is a no-op.</summary>
    Task<TenantProfile> Create(TenantProfile profile);

    Task<TenantProfile?> GetProfile();

    /// <summary>Next order number of the day, e.g. SO20261125-0042.</summary>
    Task<string> NextOrderId();

    Task<IReadOnlyList<WarehouseRef>> GetWarehouses();

    /// <summary>Adds or updates a warehouse in the tenant's directory used for allocation.</summary>
    Task RegisterWarehouse(WarehouseRef warehouse, bool isNew);
}

[GenerateSerializer, Immutable, Alias("cloudoms.TenantProfile")]
public sealed record TenantProfile(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Plan,
    [property: Id(3)] DateTimeOffset CreatedAt);

/// <summary>What allocation needs to know about a warehouse.</summary>
[GenerateSerializer, Immutable, Alias("cloudoms.WarehouseRef")]
public sealed record WarehouseRef(
    [property: Id(0)] string Code,
    [property: Id(1)] int Priority,
    [property: Id(2)] bool Active);

public sealed class TenantState
{
    public TenantProfile? Profile { get; set; }
    public string OrderDay { get; set; } = "";
    public int OrderSequence { get; set; }
    public List<WarehouseRef> Warehouses { get; set; } = [];
}
