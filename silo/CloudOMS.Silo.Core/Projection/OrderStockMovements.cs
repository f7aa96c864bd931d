using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;

namespace CloudOMS.Silo.Projection;

/// <summary>
/// The stock movements of one order, read from its state: the reservation of each line when it was approved, and
/// then either the shipment (the goods leave on-hand) or the release when it was cancelled. The SKU grain forgets
/// order operations as soon as the order acknowledges them, often before the projection reads the SKU, so the order
/// (the durable record of what it holds) is their source. Its latest state says everything that happened to its
/// stock: a warehouse is given only by a granted approval, an order is approved once, and it either ships
/// (committed) or is cancelled (released). Reservations a short warehouse gave straight back during approval
/// change nothing and are not listed. Operation ids hold a '#', which no caller's key can (IdempotencyKeys), so
/// they never meet a receipt's in the (tenant, SKU, operation) key.
/// </summary>
internal static class OrderStockMovements
{
    public static IReadOnlyList<StockMovementRow> Of(string tenantId, OrderState order)
    {
        if (order.Warehouse is not { } warehouse) return [];
        var moves = new List<StockMovementRow>();
        Add(moves, tenantId, order, warehouse, StockOpKind.Reserve, order.ApprovedAt, Last(order, "approved"), null);
        if (order.Hold == StockHold.Committed)
            Add(moves, tenantId, order, warehouse, StockOpKind.Commit, order.Shipment?.ShippedAt, Last(order, "shipped"), order.Shipment?.TrackingNo);
        else if (order.Hold == StockHold.None && order.Status == OrderStatus.Cancelled)
            Add(moves, tenantId, order, warehouse, StockOpKind.Release, null, Last(order, "cancelled"), Last(order, "cancelled")?.Detail);
        return moves;
    }

    public static string OperationId(string orderId, StockOpKind kind, int lineNo) => $"{orderId}#{kind}#{lineNo}";

    private static TimelineEntry? Last(OrderState order, string timelineEvent) => order.Timeline.LastOrDefault(t => t.Event == timelineEvent);

    private static void Add(List<StockMovementRow> moves, string tenantId, OrderState order, string warehouse, StockOpKind kind,
        DateTimeOffset? at, TimelineEntry? entry, string? reason)
    {
        foreach (var line in order.Lines)
            moves.Add(new StockMovementRow
            {
                TenantId = tenantId,
                OperationId = OperationId(order.OrderId, kind, line.LineNo),
                SkuCode = line.SkuCode,
                WarehouseCode = warehouse,
                Kind = kind.ToString(),
                Quantity = line.Quantity,
                Reason = reason,
                Actor = entry?.Actor,
                At = at ?? entry?.At ?? order.UpdatedAt,
                OrderId = order.OrderId,
            });
    }
}
