using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Reports;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Tests.Dashboard;

/// <summary>
/// The dashboard's counting as it was before the totals: grouping the period's order and line rows in SQL on every
/// load. Kept here as the reference the totals must agree with; sales are the orders approved or later, and held
/// orders that were approved (they have a warehouse).
/// </summary>
internal static class OrderRowCount
{
    private static readonly string[] Sales = ["Approved", "Picking", "Shipped", "Delivered", "Completed", "AfterSale"];

    public static async Task<SalesFigures> Count(ReadModelDbContext db, DateOnly first, IReadOnlySet<string>? scope)
    {
        var orders = db.Orders.Where(o => o.CreatedOn >= first && (scope == null || (o.Warehouse != null && scope.Contains(o.Warehouse))));
        var sales = orders.Where(o => Sales.Contains(o.Status) || (o.Status == "OnHold" && o.Warehouse != null));
        var groups = await orders
            .GroupBy(o => new { o.CreatedOn, o.Status, o.Channel, Sale = Sales.Contains(o.Status) || (o.Status == "OnHold" && o.Warehouse != null) })
            .Select(g => new DayGroup(g.Key.CreatedOn, g.Key.Status, g.Key.Channel, g.Key.Sale, g.Count(), g.Sum(o => o.Total),
                g.Count(o => o.ProcessingMinutes != null), g.Sum(o => (long)(o.ProcessingMinutes ?? 0)), g.Count(o => o.ProcessingMinutes <= 24 * 60)))
            .ToListAsync();
        var buyers = await sales.GroupBy(o => o.Phone).Select(g => new { Returning = g.Count() > 1 })
            .GroupBy(c => c.Returning).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var bySku = await db.OrderLines
            .Where(l => l.CreatedOn >= first && (Sales.Contains(l.Status) || (l.Status == "OnHold" && l.Warehouse != null)) && (scope == null || (l.Warehouse != null && scope.Contains(l.Warehouse))))
            .GroupBy(l => l.SkuCode)
            .Select(g => new SkuUnits(g.Key, g.Sum(l => l.Quantity))).ToListAsync();
        return new SalesFigures(groups, buyers.Sum(b => b.Count), buyers.Where(b => b.Key).Sum(b => b.Count), bySku);
    }
}
