using System.Linq.Expressions;
using System.Text.Json;
using CloudOMS.Grains;
using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Silo.Projection;

/// <summary>
/// Upserts the rows of one stored grain state, "only if newer" by the storage version, so applying
/// the same change twice (live and again in catch-up) is harmless.
/// </summary>
internal static class StateProjections
{
    public static async Task Apply(ReadModelDbContext db, StoredState change, CancellationToken ct)
    {
        if (!GrainKeys.TryParse(change.GrainKey, out var tenantId, out _, out var id)) return;
        switch (change.StateName)
        {
            case StorageNames.Order:
                var order = Read<OrderState>(change);
                await Order(db, tenantId, id, change.Version, order, ct);
                // Whatever the version: movements are added only when missing, so a replay fills in what came before them.
                if (order is { Exists: true }) await OrderMovements(db, tenantId, order, ct);
                break;
            case StorageNames.Sku:
                await Sku(db, tenantId, id, change.Version, Read<SkuInventoryState>(change), ct);
                break;
            case StorageNames.Warehouse:
                await Warehouse(db, tenantId, id, change.Version, Read<WarehouseState>(change)?.Info, ct);
                break;
            case StorageNames.Tenant:
                await Tenant(db, tenantId, change.Version, Read<TenantState>(change)?.Profile, ct);
                break;
        }
    }

    /// <summary>
    /// Loads the row for a key and decides: older or same version → null (skip); state gone → remove
    /// the row, null; otherwise the row to fill (added when new), stamped with the version.
    /// </summary>
    private static async Task<TRow?> Upsert<TRow>(DbSet<TRow> set, Expression<Func<TRow, bool>> key, int version, bool exists,
        Func<TRow> create, CancellationToken ct, Func<IQueryable<TRow>, IQueryable<TRow>>? include = null)
        where TRow : class, IVersionedRow
    {
        var query = set.IgnoreQueryFilters();
        var row = await (include?.Invoke(query) ?? query).FirstOrDefaultAsync(key, ct);
        if (row is not null && row.Version >= version) return null;
        if (!exists)
        {
            if (row is not null) set.Remove(row);
            return null;
        }
        if (row is null) set.Add(row = create());
        row.Version = version;
        return row;
    }

    private static T? Read<T>(StoredState change) where T : class =>
        change.Payload is null ? null : JsonSerializer.Deserialize<T>(change.Payload, StateSerializer.Options);

    private static async Task Order(ReadModelDbContext db, string tenantId, string orderId, int version, OrderState? order, CancellationToken ct)
    {
        var row = await Upsert(db.Orders, o => o.TenantId == tenantId && o.OrderId == orderId, version, order is { Exists: true },
            () => new OrderRow { TenantId = tenantId, OrderId = orderId }, ct, q => q.Include(o => o.Lines));
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

    private static async Task Sku(ReadModelDbContext db, string tenantId, string code, int version, SkuInventoryState? sku, CancellationToken ct)
    {
        var row = await Upsert(db.Skus, s => s.TenantId == tenantId && s.Code == code, version, sku?.Profile is not null,
            () => new SkuRow { TenantId = tenantId, Code = code }, ct);
        var stock = await db.Stock.IgnoreQueryFilters().Where(s => s.TenantId == tenantId && s.SkuCode == code).ToListAsync(ct);
        if (sku?.Profile is not { } profile)
        {
            db.Stock.RemoveRange(stock);
            return;
        }
        if (row is null) return;
        row.Name = profile.Name;
        row.Barcode = profile.Barcode;
        row.Unit = profile.Unit;
        row.Price = profile.Price;
        row.WeightKg = profile.WeightKg;
        row.SafetyStock = profile.SafetyStock;
        row.Active = !sku.Inactive;
        row.OnHand = sku.Warehouses.Values.Sum(w => w.OnHand);
        row.Reserved = sku.Warehouses.Values.Sum(w => w.Reserved);

        foreach (var (warehouse, level) in sku.Warehouses)
        {
            var stockRow = stock.FirstOrDefault(s => s.WarehouseCode == warehouse);
            if (stockRow is null) db.Stock.Add(stockRow = new StockRow { TenantId = tenantId, SkuCode = code, WarehouseCode = warehouse });
            stockRow.OnHand = level.OnHand;
            stockRow.Reserved = level.Reserved;
            stockRow.Available = level.OnHand - level.Reserved;
            stockRow.SafetyStock = level.SafetyStock ?? profile.SafetyStock;
        }
        db.Stock.RemoveRange(stock.Where(s => !sku.Warehouses.ContainsKey(s.WarehouseCode)));
        await Movements(db, tenantId, code, sku, ct);
    }

    /// <summary>Stock movements stay in the SKU state for an hour, long enough to be recorded here once.</summary>
    private static async Task Movements(ReadModelDbContext db, string tenantId, string code, SkuInventoryState sku, CancellationToken ct)
    {
        var moves = sku.Pending.Where(p => p.Value.OrderId is null).ToList();
        if (moves.Count == 0) return;
        var ids = moves.Select(m => m.Key).ToList();
        var known = await db.StockMovements.IgnoreQueryFilters()
            .Where(m => m.TenantId == tenantId && m.SkuCode == code && ids.Contains(m.OperationId)).Select(m => m.OperationId).ToListAsync(ct);
        foreach (var (operationId, op) in moves.Where(m => !known.Contains(m.Key)))
            db.StockMovements.Add(new StockMovementRow
            {
                TenantId = tenantId,
                OperationId = operationId,
                SkuCode = code,
                WarehouseCode = op.Warehouse,
                ToWarehouseCode = op.ToWarehouse,
                Kind = op.Kind.ToString(),
                Quantity = op.Quantity,
                Reason = op.Reason,
                Actor = op.Actor,
                At = op.At,
            });
    }

    /// <summary>The order's reservation, shipment or release (<see cref="OrderStockMovements"/>), each recorded once.</summary>
    private static async Task OrderMovements(ReadModelDbContext db, string tenantId, OrderState order, CancellationToken ct)
    {
        var moves = OrderStockMovements.Of(tenantId, order);
        if (moves.Count == 0) return;
        var (skus, ids) = (moves.Select(m => m.SkuCode).Distinct().ToList(), moves.Select(m => m.OperationId).ToList());
        var known = (await db.StockMovements.IgnoreQueryFilters()
                .Where(m => m.TenantId == tenantId && skus.Contains(m.SkuCode) && ids.Contains(m.OperationId))
                .Select(m => new { m.SkuCode, m.OperationId }).ToListAsync(ct))
            .Select(m => (m.SkuCode, m.OperationId))
            .Concat(db.StockMovements.Local.Where(m => m.TenantId == tenantId).Select(m => (m.SkuCode, m.OperationId)))
            .ToHashSet();
        db.StockMovements.AddRange(moves.Where(m => !known.Contains((m.SkuCode, m.OperationId))));
    }

    private static async Task Warehouse(ReadModelDbContext db, string tenantId, string code, int version, WarehouseInfo? info, CancellationToken ct)
    {
        var row = await Upsert(db.Warehouses, w => w.TenantId == tenantId && w.Code == code, version, info is not null,
            () => new WarehouseRow { TenantId = tenantId, Code = code }, ct);
        if (row is null || info is null) return;
        row.Name = info.Name;
        row.Province = info.Province;
        row.City = info.City;
        row.Address = info.Address;
        row.Priority = info.Priority;
        row.Active = info.Active;
    }

    private static async Task Tenant(ReadModelDbContext db, string tenantId, int version, TenantProfile? profile, CancellationToken ct)
    {
        var row = await Upsert(db.Tenants, t => t.TenantId == tenantId, version, profile is not null,
            () => new TenantRow { TenantId = tenantId }, ct);
        if (row is null || profile is null) return;
        row.Name = profile.Name;
        row.Plan = profile.Plan;
        row.CreatedAt = profile.CreatedAt;
    }
}
