namespace CloudOMS.Grains;

/// <summary>
/// Stored state of a SKU grain. It holds counts and only the operations still in flight, so it stays
/// the same size however many orders pass through (the write cost is the state size).
/// </summary>
public sealed class SkuInventoryState
{
    public SkuProfile? Profile { get; set; }

    /// <summary>
    /// A deactivated SKU takes no new orders or reservations; what it already holds can still be
    /// shipped or released. Stored as "inactive" so rows written before the flag existed read as active.
    /// </summary>
    public bool Inactive { get; set; }

    public Dictionary<string, StockLevel> Warehouses { get; set; } = [];

    /// <summary>Operations whose outcome the caller has not acknowledged yet, by operation id.</summary>
    public Dictionary<string, PendingStockOp> Pending { get; set; } = [];
}

public sealed class StockLevel
{
    public int OnHand { get; set; }
    public int Reserved { get; set; }
    /// <summary>Per-warehouse threshold; null falls back to the SKU's safety stock.</summary>
    public int? SafetyStock { get; set; }
}

public enum StockOpKind
{
    Reserve,
    Release,
    Commit,
    Receive,
    Adjust,
    TransferOut,
    SetSafetyStock,
}

public sealed class PendingStockOp
{
    public StockOpKind Kind { get; set; }
    public string? OrderId { get; set; }
    public string Warehouse { get; set; } = "";
    public string? ToWarehouse { get; set; }
    public int Quantity { get; set; }
    /// <summary>For a reservation: whether it was granted.</summary>
    public bool Granted { get; set; }
    public int AvailableAfter { get; set; }
    public string? Reason { get; set; }
    public string? Actor { get; set; }
    public DateTimeOffset At { get; set; }
}
