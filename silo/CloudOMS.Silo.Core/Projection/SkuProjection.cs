using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
using static CloudOMS.Silo.Projection.StateProjections;

namespace CloudOMS.Silo.Projection;

/// <summary>The SKU rows, their stock per warehouse and their stock movements, for the newest state of each SKU in a batch.</summary>
internal static class SkuProjection
{
    public static async Task Apply(ReadModelDbContext db, IReadOnlyList<Change> changes, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        var rows = await Load(changes, (tenantId, codes) => db.Skus.IgnoreQueryFilters().Where(s => s.TenantId == tenantId && codes.Contains(s.Code)),
            s => (s.TenantId, s.Code), ct);
        var stock = await Load(changes, (tenantId, codes) => db.Stock.IgnoreQueryFilters().Where(s => s.TenantId == tenantId && codes.Contains(s.SkuCode)),
            s => (s.TenantId, s.SkuCode), ct);

        var moves = new List<StockMovementRow>();
        foreach (var change in changes)
        {
            var sku = Read<SkuInventoryState>(change.State);
            var key = (change.TenantId, change.Id);
            if (Fill(db, change, rows[key].SingleOrDefault(), [.. stock[key]], sku))
                moves.AddRange(Movements(change.TenantId, change.Id, sku!));
        }
        await AddMissingMovements(db, moves, ct);
    }

    /// <summary>Fills the SKU's rows; true when this state is newer than the row, so its movements are recorded too.</summary>
    private static bool Fill(ReadModelDbContext db, Change change, SkuRow? existing, List<StockRow> stock, SkuInventoryState? sku)
    {
        var (tenantId, code) = (change.TenantId, change.Id);
        var row = Upsert(db.Skus, existing, change.State.Version, sku?.Profile is not null, () => new SkuRow { TenantId = tenantId, Code = code });
        if (sku?.Profile is not { } profile)
        {
            db.Stock.RemoveRange(stock);
            return false;
        }
        if (row is null) return false;
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
        return true;
    }

    /// <summary>Stock movements stay in the SKU state for an hour, long enough to be recorded here once.</summary>
    private static IEnumerable<StockMovementRow> Movements(string tenantId, string code, SkuInventoryState sku) =>
        sku.Pending.Where(p => p.Value.OrderId is null).Select(p => new StockMovementRow
        {
            TenantId = tenantId,
            OperationId = p.Key,
            SkuCode = code,
            WarehouseCode = p.Value.Warehouse,
            ToWarehouseCode = p.Value.ToWarehouse,
            Kind = p.Value.Kind.ToString(),
            Quantity = p.Value.Quantity,
            Reason = p.Value.Reason,
            Actor = p.Value.Actor,
            At = p.Value.At,
        });
}
