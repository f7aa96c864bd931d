namespace CloudOMS.Grains;

public enum OrderStatus
{
    Draft,
    PendingReview,
    Approved,
    Picking,
    Shipped,
    Delivered,
    Completed,
    OnHold,
    Cancelled,
    Rejected,
    AfterSale,
}

public enum PaymentStatus
{
    Unpaid,
    PartiallyPaid,
    Paid,
    Refunded,
}

/// <summary>Where the order's stock stands, independent of its workflow status.</summary>
public enum StockHold
{
    None,
    Reserved,
    Committed,
}
