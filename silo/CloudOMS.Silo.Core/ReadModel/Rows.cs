using CloudOMS.Grains;

namespace CloudOMS.Silo.ReadModel;

/// <summary>Every read-model row belongs to a tenant.</summary>
public interface ITenantRow
{
    string TenantId { get; set; }
}

/// <summary>A row projected from one grain's state, stamped with that state's storage version.</summary>
public interface IVersionedRow
{
    int Version { get; set; }
}

public sealed class TenantRow : IVersionedRow
{
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Plan { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class WarehouseRow : ITenantRow, IVersionedRow
{
    public string TenantId { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Province { get; set; } = "";
    public string City { get; set; } = "";
    public string Address { get; set; } = "";
    public int Priority { get; set; }
    public bool Active { get; set; }
    public int Version { get; set; }
}

public sealed class SkuRow : ITenantRow, IVersionedRow
{
    public string TenantId { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Barcode { get; set; }
    public string Unit { get; set; } = "";
    public decimal Price { get; set; }
    public decimal WeightKg { get; set; }
    public int SafetyStock { get; set; }
    public int OnHand { get; set; }
    public int Reserved { get; set; }
    public bool Active { get; set; }
    public int Version { get; set; }
}

public sealed class StockRow : ITenantRow
{
    public string TenantId { get; set; } = "";
    public string SkuCode { get; set; } = "";
    public string WarehouseCode { get; set; } = "";
    public int OnHand { get; set; }
    public int Reserved { get; set; }
    public int Available { get; set; }
    public int SafetyStock { get; set; }
}

/// <summary>
/// One change to a SKU's stock: a receipt, adjustment, transfer or safety-stock setting (<see cref="Kind"/> as
/// <see cref="StockOpKind"/>, from the SKU grain), or an order's reservation, its release or its shipment (Reserve,
/// Release, Commit, from the order, with <see cref="OrderId"/>). Over all of a SKU's movements the
/// <see cref="OnHandChange"/>s add up to its on hand and the <see cref="ReservedChange"/>s to its reserved.
/// </summary>
public sealed class StockMovementRow : ITenantRow
{
    public string TenantId { get; set; } = "";
    public string OperationId { get; set; } = "";
    public string SkuCode { get; set; } = "";
    public string WarehouseCode { get; set; } = "";
    public string? ToWarehouseCode { get; set; }
    public string Kind { get; set; } = "";

    /// <summary>As moved: positive, except an adjustment's, which is the signed change.</summary>
    public int Quantity { get; set; }
    public string? Reason { get; set; }
    public string? Actor { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The order whose stock this is, for its reservation, release and shipment.</summary>
    public string? OrderId { get; set; }

    /// <summary>What the movement did to the SKU's on hand over all warehouses (a transfer moves it between two).</summary>
    public int OnHandChange => Kind switch
    {
        nameof(StockOpKind.Receive) or nameof(StockOpKind.Adjust) => Quantity,
        nameof(StockOpKind.Commit) => -Quantity,
        _ => 0,
    };

    /// <summary>What the movement did to the SKU's reserved quantity.</summary>
    public int ReservedChange => Kind switch
    {
        nameof(StockOpKind.Reserve) => Quantity,
        nameof(StockOpKind.Release) or nameof(StockOpKind.Commit) => -Quantity,
        _ => 0,
    };
}

public sealed class OrderRow : ITenantRow, IVersionedRow
{
    public string TenantId { get; set; } = "";
    public string OrderId { get; set; } = "";
    public string Status { get; set; } = "";
    public string PaymentStatus { get; set; } = "";
    public string Channel { get; set; } = "";
    public string? ExternalOrderNo { get; set; }
    public string CustomerName { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Province { get; set; } = "";
    public string City { get; set; } = "";
    public string Address { get; set; } = "";
    public string? Warehouse { get; set; }
    public string Hold { get; set; } = "";
    public bool SagaPending { get; set; }
    public string? Carrier { get; set; }
    public string? TrackingNo { get; set; }
    public decimal Total { get; set; }
    public decimal Paid { get; set; }
    public int ItemCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The China calendar day the order was created: the dashboard totals are kept per day.</summary>
    public DateOnly CreatedOn { get; set; }

    /// <summary>Minutes from creation to shipping, once shipped: the dashboard totals sum them.</summary>
    public int? ProcessingMinutes { get; set; }

    public int Version { get; set; }
    public List<OrderLineRow> Lines { get; set; } = [];

    /// <summary>Sets the figures derived from the creation and shipping times.</summary>
    public void SetTimes(DateTimeOffset createdAt, DateTimeOffset? shippedAt)
    {
        CreatedAt = createdAt;
        CreatedOn = ChinaTime.Day(createdAt);
        ShippedAt = shippedAt;
        ProcessingMinutes = shippedAt is { } shipped ? (int)Math.Round((shipped - createdAt).TotalMinutes) : null;
    }

    /// <summary>
    /// Copies the order's day, status and warehouse onto its lines: each line row then carries the key of the per-SKU
    /// totals it counts in, as it was and as it is.
    /// </summary>
    public void StampLines()
    {
        foreach (var line in Lines)
            (line.CreatedOn, line.Status, line.Warehouse) = (CreatedOn, Status, Warehouse);
    }
}

public sealed class OrderLineRow : ITenantRow
{
    public string TenantId { get; set; } = "";
    public string OrderId { get; set; } = "";
    public int LineNo { get; set; }
    public string SkuCode { get; set; } = "";
    public string SkuName { get; set; } = "";
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Discount { get; set; }
    public decimal Amount { get; set; }

    /// <summary>The order's day, status and warehouse (see <see cref="OrderRow.StampLines"/>).</summary>
    public DateOnly CreatedOn { get; set; }
    public string Status { get; set; } = "";
    public string? Warehouse { get; set; }
}

/// <summary>
/// A grain-storage change the projection could not apply (its error, how often it was tried), set aside so the
/// projection goes on for every other change. One row per stored state: a newer version of the same state that
/// applies removes it, and the operator console retries it after a fix. Not tenant-filtered: only the platform
/// operator reads it.
/// </summary>
public sealed class QuarantinedChangeRow
{
    public string StateName { get; set; } = "";
    public string GrainKey { get; set; } = "";
    public string TenantId { get; set; } = "";
    public int Version { get; set; }
    public long ChangeSeq { get; set; }
    public string Error { get; set; } = "";
    public int Attempts { get; set; }
    public DateTimeOffset FirstFailedAt { get; set; }
    public DateTimeOffset LastFailedAt { get; set; }
}

/// <summary>How far the projection has read the grain storage change sequence.</summary>
public sealed class ProjectionCheckpoint
{
    public string Name { get; set; } = "";
    public long Position { get; set; }
}
