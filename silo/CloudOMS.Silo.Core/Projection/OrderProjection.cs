using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
using static CloudOMS.Silo.Projection.StateProjections;

namespace CloudOMS.Silo.Projection;

/// <summary>The order rows, their lines and their stock movements, for the newest state of each order in a batch.</summary>
internal static class OrderProjection
{
    public static async Task Apply(ReadModelDbContext db, IReadOnlyList<Change> changes, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        var rows = await Load(changes, (tenantId, ids) => db.Orders.IgnoreQueryFilters().Include(o => o.Lines)
            .Where(o => o.TenantId == tenantId && ids.Contains(o.OrderId)), o => (o.TenantId, o.OrderId), ct);

        var moves = new List<StockMovementRow>();
        foreach (var change in changes)
        {
            var order = Read<OrderState>(change.State);
            Fill(db, change, rows[(change.TenantId, change.Id)].SingleOrDefault(), order);
            // Whatever the version: movements are added only when missing, so a replay fills in what came before them.
            if (order is { Exists: true }) moves.AddRange(OrderStockMovements.Of(change.TenantId, order));
        }
        await AddMissingMovements(db, moves, ct);
    }

    private static void Fill(ReadModelDbContext db, Change change, OrderRow? existing, OrderState? order)
    {
        var (tenantId, orderId) = (change.TenantId, change.Id);
        var row = Upsert(db.Orders, existing, change.State.Version, order is { Exists: true }, () => new OrderRow { TenantId = tenantId, OrderId = orderId });
        if (row is null || order is null) return;
        row.Status = order.Status.ToString();
        row.PaymentStatus = order.PaymentStatus.ToString();
        row.Channel = order.Channel;
        row.ExternalOrderNo = order.ExternalOrderNo;
        row.CustomerName = order.Customer.Name;
        row.Phone = order.Customer.Phone;
        row.Province = order.Customer.Province;
        row.City = order.Customer.City;
        row.Address = order.Customer.Address;
        row.Warehouse = order.Warehouse;
        row.Hold = order.Hold.ToString();
        row.SagaPending = order.Saga is not null;
        row.Carrier = order.Shipment?.Carrier;
        row.TrackingNo = order.Shipment?.TrackingNo;
        row.DeliveredAt = order.DeliveredAt;
        row.Total = order.Total;
        row.Paid = order.PaidAmount;
        row.ItemCount = order.Lines.Sum(l => l.Quantity);
        row.SetTimes(order.CreatedAt, order.Shipment?.ShippedAt);
        row.UpdatedAt = order.UpdatedAt;
        foreach (var line in order.Lines)
        {
            var lineRow = row.Lines.FirstOrDefault(l => l.LineNo == line.LineNo);
            if (lineRow is null) row.Lines.Add(lineRow = new OrderLineRow { TenantId = tenantId, OrderId = orderId, LineNo = line.LineNo });
            lineRow.SkuCode = line.SkuCode;
            lineRow.SkuName = line.SkuName;
            lineRow.Quantity = line.Quantity;
            lineRow.UnitPrice = line.UnitPrice;
            lineRow.Discount = line.Discount;
            lineRow.Amount = line.Amount;
        }
        row.Lines.RemoveAll(l => order.Lines.All(x => x.LineNo != l.LineNo));
        row.StampLines();
    }
}
