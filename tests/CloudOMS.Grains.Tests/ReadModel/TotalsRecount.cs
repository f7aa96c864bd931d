using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Grains.Tests.ReadModel;

/// <summary>
/// Counts the dashboard totals again, in memory, from a read model's order and line rows, and checks the totals
/// tables hold exactly that. Written from the rules (sales are the orders approved or later, and held orders that
/// were approved, i.e. have a warehouse; on time is within 24 h), not from the code that keeps the totals. Totals rows left at zero are allowed, nothing else.
/// </summary>
public static class TotalsRecount
{
    private static readonly string[] Sales = ["Approved", "Picking", "Shipped", "Delivered", "Completed", "AfterSale"];

    public static bool IsSale(OrderRow order) => Sales.Contains(order.Status) || (order.Status == "OnHold" && order.Warehouse is not null);

    public static async Task AssertMatchesRows(ReadModelDbContext db)
    {
        var orders = await db.Orders.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var lines = await db.OrderLines.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var sales = orders.Where(IsSale).ToList();
        var customerDays = sales.Select(o => (o.TenantId, o.Phone, Scope: "", o.CreatedOn))
            .Concat(sales.Where(o => o.Warehouse is not null).Select(o => (o.TenantId, o.Phone, Scope: o.Warehouse!, o.CreatedOn))).ToList();

        var expectedDays = orders.GroupBy(o => (o.TenantId, o.CreatedOn, o.Status, o.Channel, o.Warehouse ?? ""))
            .Select(g => (g.Key, g.Count(), g.Sum(o => (long)(o.Total * 100)), g.Count(o => o.ProcessingMinutes is not null),
                g.Sum(o => (long)(o.ProcessingMinutes ?? 0)), g.Count(o => o.ProcessingMinutes <= 1440)).ToString());
        var days = await db.OrderDayTotals.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        Assert.Equal(Sorted(expectedDays), Sorted(days
            .Where(t => (t.Orders, t.SalesCents, t.Shipped, t.ProcessingMinutes, t.OnTime) != default)
            .Select(t => ((t.TenantId, t.Day, t.Status, t.Channel, t.Warehouse), t.Orders, t.SalesCents, t.Shipped, t.ProcessingMinutes, t.OnTime).ToString())));

        var expectedSkus = lines.GroupBy(l => (l.TenantId, l.CreatedOn, l.Status, l.Warehouse ?? "", l.SkuCode))
            .Select(g => (g.Key, g.Count(), g.Sum(l => l.Quantity)).ToString());
        var skus = await db.SkuDayTotals.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        Assert.Equal(Sorted(expectedSkus), Sorted(skus.Where(t => (t.Lines, t.Quantity) != default)
            .Select(t => ((t.TenantId, t.Day, t.Status, t.Warehouse, t.SkuCode), t.Lines, t.Quantity).ToString())));

        var customers = await db.CustomerDays.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        Assert.Equal(Sorted(customerDays.GroupBy(c => c).Select(g => (g.Key, g.Count()).ToString())),
            Sorted(customers.Where(c => c.Orders != 0).Select(c => ((c.TenantId, c.Phone, c.Scope, c.Day), c.Orders).ToString())));

        // A customer's latest sale day and the one before it (the same day when they ordered twice that day).
        var expectedRecency = customerDays.GroupBy(c => (c.TenantId, c.Phone, c.Scope), c => c.CreatedOn).Select(g =>
        {
            var latest = g.OrderDescending().ToList();
            return (g.Key, latest[0], latest.Count > 1 ? latest[1] : (DateOnly?)null).ToString();
        });
        var recency = await db.CustomerRecency.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        Assert.Equal(Sorted(expectedRecency), Sorted(recency.Select(c => ((c.TenantId, c.Phone, c.Scope), c.LastDay, c.PreviousDay).ToString())));
    }

    /// <summary>Every totals row, for checking that something left them exactly as they were.</summary>
    public static async Task<List<string>> Snapshot(ReadModelDbContext db) => Sorted(
    [
        .. (await db.OrderDayTotals.IgnoreQueryFilters().AsNoTracking().ToListAsync())
            .Select(t => $"day {t.TenantId} {t.Day} {t.Status} {t.Channel} {t.Warehouse} {t.Orders} {t.SalesCents} {t.Shipped} {t.ProcessingMinutes} {t.OnTime}"),
        .. (await db.SkuDayTotals.IgnoreQueryFilters().AsNoTracking().ToListAsync())
            .Select(t => $"sku {t.TenantId} {t.Day} {t.Status} {t.Warehouse} {t.SkuCode} {t.Lines} {t.Quantity}"),
        .. (await db.CustomerDays.IgnoreQueryFilters().AsNoTracking().ToListAsync()).Select(c => $"customer {c.TenantId} {c.Phone} {c.Scope} {c.Day} {c.Orders}"),
        .. (await db.CustomerRecency.IgnoreQueryFilters().AsNoTracking().ToListAsync()).Select(c => $"recency {c.TenantId} {c.Phone} {c.Scope} {c.LastDay} {c.PreviousDay}"),
    ]);

    private static List<string> Sorted(IEnumerable<string> items) => [.. items.Order(StringComparer.Ordinal)];
}
