using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Warehouses;

/// <summary>Reads of the warehouse list, shared by the HTTP API and the portal.</summary>
public static class WarehouseQueries
{
    /// <summary>The warehouse list of the API and the portal: only the caller's warehouses (null scope: all), by priority.</summary>
    public static IQueryable<WarehouseRow> Visible(IQueryable<WarehouseRow> warehouses, IReadOnlySet<string>? scope) =>
        warehouses.Where(w => scope == null || scope.Contains(w.Code)).OrderBy(w => w.Priority).ThenBy(w => w.Code);

    /// <summary>Each warehouse's name by its code: pages name the warehouse an order went to rather than show its code.</summary>
    public static Task<Dictionary<string, string>> Names(ReadModelDbContext db) => db.Warehouses.ToDictionaryAsync(w => w.Code, w => w.Name);
}
