using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Api;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Inventory;

/// <summary>Reads of the SKU list, shared by the HTTP API and the portal.</summary>
public static class SkuQueries
{
    /// <summary>The SKU list of the API and of the portal: search by code, name or barcode, by code order.</summary>
    public static async Task<Page<SkuRow>> Search(IQueryable<SkuRow> skus, string? search, bool? active, int? page, int? pageSize)
    {
        var (number, size) = Paging.Normalize(page, pageSize);
        var query = skus;
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(s => s.Code.Contains(text) || s.Name.Contains(text) || (s.Barcode != null && s.Barcode.Contains(text)));
        }
        if (active is { } wanted) query = query.Where(s => s.Active == wanted);
        var total = await query.CountAsync();
        var items = await query.OrderBy(s => s.Code).Skip((number - 1) * size).Take(size).ToListAsync();
        return new Page<SkuRow>(items, total, number, size);
    }
}
