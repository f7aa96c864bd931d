using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Orders;

/// <summary>
/// What the API's order routes and the portal's order pages both check before calling the order grain:
/// whether the caller may act on the order (warehouse scope) and what a shipment needs. One place, so a
/// rule cannot drift between the API, the order page and the bulk actions.
/// </summary>
public static class OrderCommands
{
    /// <summary>A tracking number the order grain accepts once trimmed: letters, digits, '-', '_' or '.'.</summary>
    public static bool IsTrackingNo(string? trackingNo) => !string.IsNullOrWhiteSpace(trackingNo) && Limits.IsCode(trackingNo.Trim());

    /// <summary>Carrier and tracking number as the API checks them (messages in Chinese, then English).</summary>
    public static FieldErrors ShipmentErrors(string? carrier, string? trackingNo)
    {
        var errors = new FieldErrors();
        if (!Carriers.IsKnown(carrier))
            errors.Add("carrier", Msg.Of("OrderCommands.UnknownCarrier", string.Join("、", Carriers.All.Select(x => x.Code))));
        if (!IsTrackingNo(trackingNo))
            errors.Add("trackingNo", Msg.Of("OrderCommands.ValidTrackingNumberRequired"));
        return errors;
    }

    /// <summary>
    /// Whether a caller limited to <paramref name="scope"/> (null: every warehouse) may act on the order:
    /// a scoped caller only on orders allocated to one of its warehouses (<paramref name="sees"/>).
    /// </summary>
    public static async Task<bool> InScope(IOrderGrain order, string orderId, IReadOnlySet<string>? scope, Func<string?, bool> sees) =>
        Limits.IsCode(orderId) && (scope is null || sees((await order.Get())?.Warehouse));
}
