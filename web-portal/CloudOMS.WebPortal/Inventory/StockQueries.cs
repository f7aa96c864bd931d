using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Api;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Inventory;

/// <summary>Reads of stock history, shared by the HTTP API and the portal.</summary>
public static class StockQueries
{
    /// <summary>Movements the caller may see (either warehouse in scope), of one SKU or all, newest first: the API's and the portal's list.</summary>
    public static async Task<Page<StockMovementRow>> MovementPage(IQueryable<StockMovementRow> movements, IReadOnlySet<string>? scope, string? skuCode, int? page, int? pageSize)
    {
        var (number, size) = Paging.Normalize(page, pageSize);
        var query = movements.Where(m => scope == null || scope.Contains(m.WarehouseCode) || (m.ToWarehouseCode != null && scope.Contains(m.ToWarehouseCode))).Where(m => string.IsNullOrWhiteSpace(skuCode) || m.SkuCode == skuCode);
        var total = await query.CountAsync();
        var items = await query.OrderByDescending(m => m.At).Skip((number - 1) * size).Take(size).ToListAsync();
        return new Page<StockMovementRow>(items, total, number, size);
    }
}
