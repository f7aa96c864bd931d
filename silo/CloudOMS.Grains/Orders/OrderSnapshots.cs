namespace CloudOMS.Grains;

/// <summary>
/// Builds the answer of the order grain from its stored state. Everything is copied: the snapshot is immutable and
/// passed without a copy, so it must share nothing with state the grain goes on changing.
/// </summary>
internal static class OrderSnapshots
{
    public static OrderSnapshot Of(OrderState o) => new(
        o.OrderId,
        o.Status,
        o.PaymentStatus,
        o.Channel,
        o.ExternalOrderNo,
        new CustomerInfo(o.Customer.Name, o.Customer.Phone, o.Customer.Province, o.Customer.City, o.Customer.Address),
        [.. o.Lines.Select(l => new OrderLineInfo(l.LineNo, l.SkuCode, l.SkuName, l.Quantity, l.UnitPrice, l.Discount))],
        o.ShippingFee,
        o.Note,
        o.Currency,
        o.Warehouse,
        o.Hold,
        o.Saga is not null,
        o.Shipment is { } s ? new ShipmentInfo(s.Carrier, s.TrackingNo, s.ShippedAt) : null,
        [.. o.Payments.Select(p => new PaymentInfo(p.Amount, p.Method, p.Reference, p.At, p.Actor))],
        [.. o.Timeline.Select(t => new TimelineEntryInfo(t.At, t.Event, t.Actor, t.Detail))],
        o.CreatedAt,
        o.UpdatedAt);
}
