using System.Text.Json.Serialization;

namespace CloudOMS.Grains;

/// <summary>
/// Stored state of an order, read by the grain and by the read-model projection; callers get an
/// <see cref="OrderSnapshot"/> instead. It is the durable record of what stock the order holds;
/// its collections are bounded by the order itself.
/// </summary>
[GenerateSerializer, Alias("cloudoms.OrderState")]
public sealed class OrderState
{
    [Id(0)] public string OrderId { get; set; } = "";
    [Id(1)] public OrderStatus Status { get; set; }
    [Id(2)] public PaymentStatus PaymentStatus { get; set; }
    [Id(3)] public string Channel { get; set; } = "";
    [Id(4)] public string? ExternalOrderNo { get; set; }
    [Id(5)] public OrderCustomer Customer { get; set; } = new();
    [Id(6)] public List<OrderLine> Lines { get; set; } = [];
    [Id(7)] public decimal ShippingFee { get; set; }
    [Id(8)] public string? Note { get; set; }
    [Id(9)] public string Currency { get; set; } = "CNY";
    [Id(10)] public string? Warehouse { get; set; }
    [Id(11)] public StockHold Hold { get; set; }
    [Id(12)] public SagaStep? Saga { get; set; }
    [Id(13)] public Shipment? Shipment { get; set; }
    [Id(14)] public List<Payment> Payments { get; set; } = [];
    [Id(15)] public List<TimelineEntry> Timeline { get; set; } = [];
    [Id(16)] public DateTimeOffset CreatedAt { get; set; }
    [Id(17)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(18)] public OrderStatus? StatusBeforeHold { get; set; }
    /// <summary>Stock operations whose outcome is saved here but not yet acknowledged to the SKU grain.</summary>
    [Id(19)] public List<SkuOperation> Unacknowledged { get; set; } = [];
    [Id(20)] public DateTimeOffset? ApprovedAt { get; set; }
    [Id(21)] public DateTimeOffset? DeliveredAt { get; set; }
    [Id(22)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(23)] public int SagaAttempts { get; set; }
    /// <summary>The short lines of the last refused approval, so a resent intake still names them.</summary>
    [Id(24)] public List<Shortage> RefusedShortages { get; set; } = [];

    [JsonIgnore] public bool Exists => OrderId.Length > 0;
    [JsonIgnore] public decimal GoodsAmount => Lines.Sum(l => l.Amount);
    [JsonIgnore] public decimal Total => GoodsAmount + ShippingFee;
    [JsonIgnore] public decimal PaidAmount => Payments.Sum(p => p.Amount);
}

[GenerateSerializer, Alias("cloudoms.OrderCustomer")]
public sealed class OrderCustomer
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string Phone { get; set; } = "";
    [Id(2)] public string Province { get; set; } = "";
    [Id(3)] public string City { get; set; } = "";
    [Id(4)] public string Address { get; set; } = "";
}

[GenerateSerializer, Alias("cloudoms.OrderLine")]
public sealed class OrderLine
{
    [Id(0)] public int LineNo { get; set; }
    [Id(1)] public string SkuCode { get; set; } = "";
    [Id(2)] public string SkuName { get; set; } = "";
    [Id(3)] public int Quantity { get; set; }
    [Id(4)] public decimal UnitPrice { get; set; }
    [Id(5)] public decimal Discount { get; set; }

    [JsonIgnore] public decimal Amount => Quantity * UnitPrice - Discount;
}

public enum SagaKind
{
    Reserve,
    Release,
    Commit,
}

/// <summary>
/// A stock step in progress. It is saved before any SKU grain is called, so it can resume. The alias keeps the
/// type's former name (OrderSaga, now the class that decides the steps): the wire name must not change.
/// </summary>
[GenerateSerializer, Alias("cloudoms.OrderSaga")]
public sealed class SagaStep
{
    [Id(0)] public SagaKind Kind { get; set; }
    [Id(1)] public string Warehouse { get; set; } = "";
    [Id(2)] public List<SkuOperation> Operations { get; set; } = [];
    /// <summary>Reserve only: releasing what one attempt took because another line was refused.</summary>
    [Id(3)] public bool Compensating { get; set; }
    [Id(4)] public string Actor { get; set; } = "";
    [Id(5)] public string? Carrier { get; set; }
    [Id(6)] public string? TrackingNo { get; set; }
    [Id(7)] public string? Reason { get; set; }
    [Id(8)] public int Attempt { get; set; }
    [Id(9)] public List<string> Tried { get; set; } = [];
    /// <summary>
    /// Reserve only: the lines the last warehouse tried could not fill. Saved with the step, so a refusal decided
    /// after a crash (when no warehouse is left to try) still names the short SKUs.
    /// </summary>
    [Id(10)] public List<Shortage> Shortages { get; set; } = [];
}

/// <summary>A line the chosen warehouse cannot fill.</summary>
[GenerateSerializer, Immutable, Alias("cloudoms.Shortage")]
public sealed record Shortage([property: Id(0)] string SkuCode, [property: Id(1)] int Needed, [property: Id(2)] int Available);

[GenerateSerializer, Alias("cloudoms.SkuOperation")]
public sealed class SkuOperation
{
    [Id(0)] public string SkuCode { get; set; } = "";
    [Id(1)] public string OperationId { get; set; } = "";
    [Id(2)] public int Quantity { get; set; }
    [Id(3)] public string Warehouse { get; set; } = "";
    /// <summary>Null until the SKU grain answered; for a reservation, whether it was granted.</summary>
    [Id(4)] public bool? Done { get; set; }
    [Id(5)] public int Available { get; set; }
}

[GenerateSerializer, Alias("cloudoms.Shipment")]
public sealed class Shipment
{
    [Id(0)] public string Carrier { get; set; } = "";
    [Id(1)] public string TrackingNo { get; set; } = "";
    [Id(2)] public DateTimeOffset ShippedAt { get; set; }
}

[GenerateSerializer, Alias("cloudoms.Payment")]
public sealed class Payment
{
    [Id(0)] public decimal Amount { get; set; }
    [Id(1)] public string Method { get; set; } = "";
    [Id(2)] public string? Reference { get; set; }
    [Id(3)] public DateTimeOffset At { get; set; }
    [Id(4)] public string Actor { get; set; } = "";
}

[GenerateSerializer, Alias("cloudoms.TimelineEntry")]
public sealed class TimelineEntry
{
    [Id(0)] public DateTimeOffset At { get; set; }
    [Id(1)] public string Event { get; set; } = "";
    [Id(2)] public string Actor { get; set; } = "";
    [Id(3)] public string? Detail { get; set; }
}
