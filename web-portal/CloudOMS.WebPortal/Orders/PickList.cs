using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Orders;

public sealed record PickOrder(string OrderId, string Customer, int Quantity);

/// <summary>One SKU to take from the shelf: the total and which orders it goes to.</summary>
public sealed record PickSku(string SkuCode, string SkuName, string? Barcode, int Quantity, IReadOnlyList<PickOrder> Orders);

public sealed record PickSection(string Warehouse, string WarehouseName, IReadOnlyList<PickSku> Skus)
{
    public long Quantity => Skus.Sum(s => (long)s.Quantity);
}

/// <summary>The pick list of some orders, and the orders left out with the reason (a <see cref="BatchResult"/> each).</summary>
public sealed record PickListData(IReadOnlyList<PickSection> Sections, IReadOnlyList<BatchResult> Skipped);

/// <summary>
/// A warehouse pick list (拣货单) for chosen orders: per warehouse, every SKU once, sorted by SKU code so the
/// picker walks the shelves once. Orders are read from their grains, the record of what stock each holds
/// where; an order belongs on the list while it may still be shipped (approved or picking). Orders the user
/// may not see (warehouse scope) are left out as "not found", like everywhere else.
/// </summary>
public static class PickList
{
    public static IReadOnlyList<string> ParseIds(string? ids) =>
        [.. (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];

    public static async Task<PickListData> Load(IGrainFactory grains, AccessGrant grant, ReadModelDbContext db, IReadOnlyList<string> ids)
    {
        var chosen = ids.Take(OrderBatch.MaxOrders).ToList();
        var orders = await Task.WhenAll(chosen.Select(id => Limits.IsCode(id) ? grains.Order(grant.TenantId, id).Get() : Task.FromResult<OrderSnapshot?>(null)));
        var skipped = new List<BatchResult>();
        var picked = new List<OrderSnapshot>();
        for (var i = 0; i < chosen.Count; i++)
        {
            if (orders[i] is not { } order || !grant.Sees(order.Warehouse)) skipped.Add(new(chosen[i], BatchFailure.NotFound));
            else if (!OrderWorkflow.Can(order.Status, OrderAction.Ship) || order.Warehouse is null) skipped.Add(new(chosen[i], BatchFailure.WrongStatus, order.Status));
            else picked.Add(order);
        }
        skipped.AddRange(ids.Skip(OrderBatch.MaxOrders).Select(id => new BatchResult(id, BatchFailure.OverLimit)));

        var codes = picked.SelectMany(o => o.Lines).Select(l => l.SkuCode).Distinct().ToList();
        var barcodes = await db.Skus.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Barcode);
        var names = await db.Warehouses.ToDictionaryAsync(w => w.Code, w => w.Name);
        return new PickListData(Build(picked, barcodes, names), skipped);
    }

    /// <summary>Groups the orders' lines by warehouse, then SKU; both sorted by code (ordinal, as shelves are labelled).</summary>
    public static IReadOnlyList<PickSection> Build(IEnumerable<OrderSnapshot> orders, IReadOnlyDictionary<string, string?> barcodes,
        IReadOnlyDictionary<string, string> warehouseNames) =>
        [.. orders
            .SelectMany(o => o.Lines.Select(l => (Warehouse: o.Warehouse!, Order: o, Line: l)))
            .GroupBy(x => x.Warehouse)
            .OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new PickSection(w.Key, warehouseNames.GetValueOrDefault(w.Key, w.Key), [.. w
                .GroupBy(x => x.Line.SkuCode)
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new PickSku(s.Key, s.First().Line.SkuName, barcodes.GetValueOrDefault(s.Key), s.Sum(x => x.Line.Quantity), [.. s
                    .GroupBy(x => x.Order.OrderId)
                    .OrderBy(o => o.Key, StringComparer.Ordinal)
                    .Select(o => new PickOrder(o.Key, o.First().Order.Customer.Name, o.Sum(x => x.Line.Quantity)))]))]))];
}
