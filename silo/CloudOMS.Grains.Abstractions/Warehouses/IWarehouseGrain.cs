namespace CloudOMS.Grains;

public interface IWarehouseGrain : IGrainWithStringKey
{
    [TenantWrite]
    Task<WarehouseInfo> Create(WarehouseDraft draft);

    [TenantWrite]
    Task<WarehouseInfo> Update(WarehouseDraft draft);

    [TenantWrite]
    Task<WarehouseInfo> SetActive(bool active);

    Task<WarehouseInfo?> Get();
}

[GenerateSerializer, Immutable, Alias("cloudoms.WarehouseDraft")]
public sealed record WarehouseDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] string Province,
    [property: Id(2)] string City,
    [property: Id(3)] string Address,
    [property: Id(4)] int Priority);

[GenerateSerializer, Immutable, Alias("cloudoms.WarehouseInfo")]
public sealed record WarehouseInfo(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string Province,
    [property: Id(3)] string City,
    [property: Id(4)] string Address,
    [property: Id(5)] int Priority,
    [property: Id(6)] bool Active);

public sealed class WarehouseState
{
    public WarehouseInfo? Info { get; set; }
}
