namespace CloudOMS.Grains;

/// <summary>
/// One SKU of one tenant: its master data and stock per warehouse. Every stock operation carries an
/// operation id; a retry with the same id gets the recorded outcome, never a second effect.
/// </summary>
public interface ISkuInventoryGrain : IGrainWithStringKey
{
    [TenantWrite]
    Task<SkuSnapshot> Define(SkuProfile profile, bool isNew);

    Task<SkuSnapshot?> Get();

    /// <summary>Deactivates (no new orders or reservations) or reactivates the SKU.</summary>
    [TenantWrite]
    Task<SkuSnapshot> SetActive(bool active);

    /// <summary>Receive, adjust, transfer or set safety stock.</summary>
    [TenantWrite]
    Task<SkuSnapshot> Move(StockMove move);

    Task<ReserveResult> Reserve(ReserveRequest request);

    Task Release(StockOpRequest request);

    /// <summary>Shipment: the reserved units leave the warehouse.</summary>
    Task Commit(StockOpRequest request);

    /// <summary>The caller has durably recorded these outcomes; the grain may forget them.</summary>
    Task Acknowledge(IReadOnlyList<string> operationIds);
}

[GenerateSerializer, Immutable, Alias("cloudoms.SkuProfile")]
public sealed record SkuProfile(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Barcode,
    [property: Id(3)] string Unit,
    [property: Id(4)] decimal Price,
    [property: Id(5)] decimal WeightKg,
    [property: Id(6)] int SafetyStock);

public enum StockMoveKind
{
    Receive,
    Adjust,
    Transfer,
    SetSafetyStock,
}

/// <summary>
/// <see cref="Quantity"/> is positive for Receive and Transfer, a signed delta for Adjust, and the
/// new threshold for SetSafetyStock.
/// </summary>
[GenerateSerializer, Immutable, Alias("cloudoms.StockMove")]
public sealed record StockMove(
    [property: Id(0)] string OperationId,
    [property: Id(1)] StockMoveKind Kind,
    [property: Id(2)] string Warehouse,
    [property: Id(3)] int Quantity,
    [property: Id(4)] string? ToWarehouse,
    [property: Id(5)] string Reason,
    [property: Id(6)] string Actor);

[GenerateSerializer, Immutable, Alias("cloudoms.ReserveRequest")]
public sealed record ReserveRequest(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] int Quantity,
    [property: Id(3)] IReadOnlyList<string> Warehouses);

[GenerateSerializer, Immutable, Alias("cloudoms.ReserveResult")]
public sealed record ReserveResult(
    [property: Id(0)] bool Reserved,
    [property: Id(1)] string? Warehouse,
    [property: Id(2)] int Available);

[GenerateSerializer, Immutable, Alias("cloudoms.StockOpRequest")]
public sealed record StockOpRequest(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string Warehouse,
    [property: Id(3)] int Quantity);

[GenerateSerializer, Immutable, Alias("cloudoms.StockLevelInfo")]
public sealed record StockLevelInfo(
    [property: Id(0)] string Warehouse,
    [property: Id(1)] int OnHand,
    [property: Id(2)] int Reserved,
    [property: Id(3)] int SafetyStock)
{
    public int Available => OnHand - Reserved;
}

[GenerateSerializer, Immutable, Alias("cloudoms.SkuSnapshot")]
public sealed record SkuSnapshot(
    [property: Id(0)] SkuProfile Profile,
    [property: Id(1)] IReadOnlyList<StockLevelInfo> Levels,
    [property: Id(2)] bool Active)
{
    public StockLevelInfo Level(string warehouse) =>
        Levels.FirstOrDefault(l => l.Warehouse == warehouse) ?? new StockLevelInfo(warehouse, 0, 0, Profile.SafetyStock);
}
