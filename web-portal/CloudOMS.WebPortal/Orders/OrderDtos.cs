using System.Text.Json.Serialization;
using CloudOMS.Grains;
using CloudOMS.WebPortal.Ui;

namespace CloudOMS.WebPortal.Orders;

public sealed record CustomerInput(string? Name, string? Phone, string? Province, string? City, string? Address);

public sealed record OrderLineInput(string? SkuCode, int Quantity, decimal UnitPrice, decimal Discount = 0);

public sealed record OrderInput(
    string? Channel,
    string? ExternalOrderNo,
    CustomerInput? Customer,
    IReadOnlyList<OrderLineInput>? Lines,
    decimal ShippingFee = 0,
    string? Note = null,
    bool Draft = false,
    decimal Discount = 0)
{
    /// <summary>The order discount is not below zero nor above the goods (after the lines' own discounts); asked of valid lines.</summary>
    public bool DiscountFits() =>
        Discount >= 0 && Discount <= (Lines ?? []).Sum(l => l is null ? 0 : l.Quantity * l.UnitPrice - l.Discount);

    public NewOrder ToCommand(string actor) => new(
        Channel ?? "",
        ExternalOrderNo?.Trim(),
        new OrderCustomer
        {
            Name = Customer?.Name?.Trim() ?? "",
            Phone = Customer?.Phone?.Trim() ?? "",
            Province = Customer?.Province?.Trim() ?? "",
            City = Customer?.City?.Trim() ?? "",
            Address = Customer?.Address?.Trim() ?? "",
        },
        // An order discount (a shop coupon) is kept on the lines, spread by their amounts.
        OrderDiscount.Spread([.. (Lines ?? []).Select(l => new NewOrderLine(l?.SkuCode?.Trim() ?? "", l?.Quantity ?? 0, l?.UnitPrice ?? 0, l?.Discount ?? 0))], Discount),
        ShippingFee,
        string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
        Draft,
        actor);
}

public sealed record ReasonInput(string? Reason);

public sealed record ShipInput(string? Carrier, string? TrackingNo);

public sealed record PaymentBody(decimal Amount, string? Method, string? Reference);

/// <summary>
/// An order as the API shows it: lines, allocation, shipment, payments and the timeline. Beside each code a name in
/// the caller's language (Accept-Language): <c>statusName</c>, <c>paymentStatusName</c>, <c>channelName</c>, the
/// shipment's <c>carrierName</c>, a payment's <c>methodName</c>, a log entry's <c>eventName</c> and <c>detailText</c>.
/// <c>statusText</c> stays Chinese, as clients have read it so far.
/// </summary>
public sealed record OrderDto(
    string OrderId,
    OrderStatus Status,
    string StatusText,
    PaymentStatus PaymentStatus,
    string Channel,
    string? ExternalOrderNo,
    CustomerInfo Customer,
    IReadOnlyList<OrderLineDto> Lines,
    decimal GoodsAmount,
    decimal ShippingFee,
    decimal Total,
    decimal Paid,
    string Currency,
    string? Note,
    string? Warehouse,
    StockHold StockHold,
    bool StockStepPending,
    ShipmentDto? Shipment,
    IReadOnlyList<PaymentDto> Payments,
    IReadOnlyList<TimelineEntryDto> Timeline,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReviewDto? Review = null)
{
    public string StatusName => Labels.Status(Status.ToString());

    public string PaymentStatusName => Labels.Status(PaymentStatus.ToString());

    public string ChannelName => Labels.Channel(Channel);

    /// <summary>A created (or replayed) order with its review outcome beside the order's fields.</summary>
    public static OrderDto From(IntakeResult result) => From(result.Order) with { Review = ReviewDto.From(result.Review) };

    public static OrderDto From(OrderSnapshot o) => new(
        o.OrderId, o.Status, OrderWorkflow.StatusName(o.Status), o.PaymentStatus, o.Channel, o.ExternalOrderNo, o.Customer,
        [.. o.Lines.Select(l => new OrderLineDto(l.LineNo, l.SkuCode, l.SkuName, l.Quantity, l.UnitPrice, l.Discount, l.Amount))],
        o.GoodsAmount, o.ShippingFee, o.Total, o.PaidAmount, o.Currency, o.Note, o.Warehouse, o.Hold, o.SagaPending,
        o.Shipment is { } s ? new ShipmentDto(s.Carrier, s.TrackingNo, s.ShippedAt) : null,
        [.. o.Payments.Select(p => new PaymentDto(p.Amount, p.Method, p.Reference, p.At, p.Actor))],
        [.. o.Timeline.Select(t => new TimelineEntryDto(t.At, t.Event, t.Actor, t.Detail))],
        o.CreatedAt, o.UpdatedAt);
}

/// <summary>
/// How intake reviewed the order: "reserved", "refused" (it awaits review; <c>skus</c> as in approve's 409
/// insufficient_stock answer, and each short line) or "pending" (自动审核 off, or a draft).
/// </summary>
public sealed record ReviewDto(string Outcome, IReadOnlyList<string> Skus, IReadOnlyList<ShortageDto> Shortages)
{
    public static ReviewDto From(IntakeReview review) => new(
        review.Outcome.ToString().ToLowerInvariant(),
        [.. review.Shortages.Select(s => s.SkuCode)],
        [.. review.Shortages.Select(s => new ShortageDto(s.SkuCode, s.Needed, s.Available))]);
}

public sealed record ShortageDto(string Sku, int Requested, int Available);

public sealed record OrderLineDto(int LineNo, string SkuCode, string SkuName, int Quantity, decimal UnitPrice, decimal Discount, decimal Amount);

public sealed record ShipmentDto(string Carrier, string TrackingNo, DateTimeOffset ShippedAt)
{
    public string CarrierName => Labels.Carrier(Carrier);
}

public sealed record PaymentDto(decimal Amount, string Method, string? Reference, DateTimeOffset At, string Actor)
{
    public string MethodName => Labels.PaymentMethod(Method);
}

public sealed record TimelineEntryDto(DateTimeOffset At, string Event, string Actor, string? Detail)
{
    public string EventName => Labels.Event(Event);

    /// <summary>The detail with names for its codes ("中通快递 7312..." for "ZTO 7312...").</summary>
    public string? DetailText => Labels.TimelineDetail(Event, Detail);
}

/// <summary>A row of the order list; the names beside the codes follow the caller's language.</summary>
public sealed record OrderSummary(
    string OrderId,
    string Status,
    string PaymentStatus,
    string Channel,
    string? ExternalOrderNo,
    string CustomerName,
    string Phone,
    string Province,
    string City,
    string? Warehouse,
    string? Carrier,
    string? TrackingNo,
    decimal Total,
    decimal Paid,
    int ItemCount,
    DateTimeOffset CreatedAt)
{
    public string StatusName => Labels.Status(Status);

    public string PaymentStatusName => Labels.Status(PaymentStatus);

    public string ChannelName => Labels.Channel(Channel);

    public string? CarrierName => Carrier is null ? null : Labels.Carrier(Carrier);
}
