namespace CloudOMS.Silo.ReadModel;

// The dashboard's figures kept as totals, so a load reads a few hundred rows instead of every order of the period.
// They are derived from the order and line rows by OrderTotals whenever those are saved (see
// ReadModelDbContext.SaveChangesAsync): every column after the key is a sum, changed by adding the difference
// between the rows as they were and as they are. A row whose count is back to zero stays, and queries skip it.
// Warehouse "" stands for orders not yet allocated to a warehouse.

/// <summary>Orders by China day, status, channel and warehouse.</summary>
public sealed class OrderDayTotalRow : ITenantRow
{
    public string TenantId { get; set; } = "";
    public DateOnly Day { get; set; }
    public string Status { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Warehouse { get; set; } = "";
    public int Orders { get; set; }

    /// <summary>The orders' totals in hundredths (分 for CNY): integers add and subtract exactly on every database.</summary>
    public long SalesCents { get; set; }

    /// <summary>Orders with a processing time (shipped), their minutes, and how many of them shipped on time.</summary>
    public int Shipped { get; set; }
    public long ProcessingMinutes { get; set; }
    public int OnTime { get; set; }
}

/// <summary>Order lines by the order's China day, status and warehouse, and SKU.</summary>
public sealed class SkuDayTotalRow : ITenantRow
{
    public string TenantId { get; set; } = "";
    public DateOnly Day { get; set; }
    public string Status { get; set; } = "";
    public string Warehouse { get; set; } = "";
    public string SkuCode { get; set; } = "";
    public int Lines { get; set; }

    /// <summary>Units: 64-bit, as a day's lines of one SKU may add up past a 32-bit integer (each line up to the quantity limit).</summary>
    public long Quantity { get; set; }
}

/// <summary>
/// A customer's (phone number's) sale orders of one China day, tenant-wide (<see cref="Scope"/> "") and per
/// warehouse (<see cref="Scope"/> = the warehouse code): the source of <see cref="CustomerRecencyRow"/>.
/// </summary>
public sealed class CustomerDayRow : ITenantRow
{
    public string TenantId { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Scope { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Orders { get; set; }
}

/// <summary>
/// The days of a customer's latest two sale orders in a scope (as in <see cref="CustomerDayRow"/>): the customer
/// bought within N days when <see cref="LastDay"/> is in them, and bought again when <see cref="PreviousDay"/> is.
/// Recomputed from the customer's day rows whenever they change, not summed.
/// </summary>
public sealed class CustomerRecencyRow : ITenantRow
{
    public string TenantId { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Scope { get; set; } = "";
    public DateOnly LastDay { get; set; }
    public DateOnly? PreviousDay { get; set; }
}
