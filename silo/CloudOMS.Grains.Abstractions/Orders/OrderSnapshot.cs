namespace CloudOMS.Grains;

/// <summary>
/// An order as the order grain answers it. Kept apart from <see cref="OrderState"/>, the stored schema, so either can
/// change without the other, and so callers see no saga bookkeeping. Immutable (and so are its parts), which lets
/// Orleans hand it over without a copy: the grain builds a fresh one for every answer.
/// </summary>
[GenerateSerializer, Immutable, Alias("cloudoms.OrderSnapshot")]
public sealed record OrderSnapshot(
    [property: Id(0)] string OrderId,
    [property: Id(1)] OrderStatus Status,
    [property: Id(2)] PaymentStatus PaymentStatus,
    [property: Id(3)] string Channel,
    [property: Id(4)] string? ExternalOrderNo,
    [property: Id(5)] CustomerInfo Customer,
    [property: Id(6)] IReadOnlyList<OrderLineInfo> Lines,
    [property: Id(7)] decimal ShippingFee,
    [property: Id(8)] string? Note,
    [property: Id(9)] string Currency,
    [property: Id(10)] string? Warehouse,
    [property: Id(11)] StockHold Hold,
    [property: Id(12)] bool SagaPending,
    [property: Id(13)] ShipmentInfo? Shipment,
    [property: Id(14)] IReadOnlyList<PaymentInfo> Payments,
    [property: Id(15)] IReadOnlyList<TimelineEntryInfo> Timeline,
    [property: Id(16)] DateTimeOffset CreatedAt,
    [property: Id(17)] DateTimeOffset UpdatedAt)
{
    public decimal GoodsAmount => Lines.Sum(l => l.Amount);
    public decimal Total => GoodsAmount + ShippingFee;
    public decimal PaidAmount => Payments.Sum(p => p.Amount);
}

[GenerateSerializer, Immutable, Alias("cloudoms.CustomerInfo")]
public sealed record CustomerInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone,
    [property: Id(2)] string Province,
    [property: Id(3)] string City,
    [property: Id(4)] string Address);

[GenerateSerializer, Immutable, Alias("cloudoms.OrderLineInfo")]
public sealed record OrderLineInfo(
    [property: Id(0)] int LineNo,
    [property: Id(1)] string SkuCode,
    [property: Id(2)] string SkuName,
    [property: Id(3)] int Quantity,
    [property: Id(4)] decimal UnitPrice,
    [property: Id(5)] decimal Discount)
{
    public decimal Amount => Quantity * UnitPrice - Discount;
}

[GenerateSerializer, Immutable, Alias("cloudoms.ShipmentInfo")]
public sealed record ShipmentInfo(
    [property: Id(0)] string Carrier,
    [property: Id(1)] string TrackingNo,
    [property: Id(2)] DateTimeOffset ShippedAt);

[GenerateSerializer, Immutable, Alias("cloudoms.PaymentInfo")]
public sealed record PaymentInfo(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] string Method,
    [property: Id(2)] string? Reference,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Actor);

[GenerateSerializer, Immutable, Alias("cloudoms.TimelineEntryInfo")]
public sealed record TimelineEntryInfo(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Event,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? Detail);
