using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Ui;

public sealed record Kpis(decimal Sales, int Orders, decimal AverageOrder, double Fulfilment, double Repeat, double ProcessingHours, double OnTime, double Turnover);

public sealed record ChartPoint(string Label, decimal Value);

public sealed record DashboardData(Kpis Kpis, IReadOnlyList<ChartPoint> DailySales, IReadOnlyList<ChartPoint> Channels, IReadOnlyList<ChartPoint> TopSkus,
    IReadOnlyList<ChartPoint> SlowSkus, IReadOnlyList<ChartPoint> ByStatus, IReadOnlyList<StockRow> LowStock);

/// <summary>
/// The dashboard's figures for the last N days (China calendar days), from the read model. The database does
/// the counting (grouped by day, status and channel; by customer; by SKU), so the page costs a few small
/// result sets whatever the number of orders. Cancelled, rejected and draft orders do not count as sales.
/// </summary>
public static class DashboardQueries
{
    private static readonly string[] NotSales = [nameof(OrderStatus.Cancelled), nameof(OrderStatus.Draft), nameof(OrderStatus.Rejected)];
    private static readonly string[] Fulfilled = [nameof(OrderStatus.Shipped), nameof(OrderStatus.Delivered), nameof(OrderStatus.Completed)];
    private const int OnTimeMinutes = 24 * 60;

    private sealed record Group(DateOnly Day, string Status, string Channel, int Orders, decimal Sales, int Shipped, long ProcessingMinutes, int OnTime);

    public static async Task<DashboardData> Load(ReadModelDbContext db, int days, DateTimeOffset now, IReadOnlySet<string>? scope)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(OrderRow.ChinaOffset).DateTime);
        var first = today.AddDays(1 - days);
        var orders = db.Orders.Where(o => o.CreatedOn >= first && (scope == null || (o.Warehouse != null && scope.Contains(o.Warehouse))));
        var sales = orders.Where(o => !NotSales.Contains(o.Status));

        var groups = await orders
            .GroupBy(o => new { o.CreatedOn, o.Status, o.Channel })
            .Select(g => new Group(g.Key.CreatedOn, g.Key.Status, g.Key.Channel, g.Count(), g.Sum(o => o.Total),
                g.Count(o => o.ProcessingMinutes != null), g.Sum(o => (long)(o.ProcessingMinutes ?? 0)), g.Count(o => o.ProcessingMinutes <= OnTimeMinutes)))
            .ToListAsync();
        var buyers = await sales.GroupBy(o => o.Phone).Select(g => new { Returning = g.Count() > 1 })
            .GroupBy(c => c.Returning).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var customers = buyers.Sum(b => b.Count);
        var returning = buyers.Where(b => b.Key).Sum(b => b.Count);
        var bySku = await db.OrderLines
            .Where(l => l.CreatedOn >= first && !NotSales.Contains(l.Status) && (scope == null || (l.Warehouse != null && scope.Contains(l.Warehouse))))
            .GroupBy(l => l.SkuCode)
            .Select(g => new { Code = g.Key, Quantity = g.Sum(l => l.Quantity) }).ToListAsync();
        var stock = await db.Stock.Where(s => scope == null || scope.Contains(s.WarehouseCode)).ToListAsync();
        var skuNames = await db.Skus.Select(s => new { s.Code, s.Name }).ToDictionaryAsync(s => s.Code, s => s.Name);

        var sold = groups.Where(g => !NotSales.Contains(g.Status)).ToList();
        var salesCount = sold.Sum(g => g.Orders);
        var salesAmount = sold.Sum(g => g.Sales);
        var shipped = sold.Sum(g => g.Shipped);
        var onHand = stock.Sum(s => s.OnHand);
        var kpis = new Kpis(
            salesAmount,
            salesCount,
            salesCount == 0 ? 0 : decimal.Round(salesAmount / salesCount, 2),
            Ratio(sold.Where(g => Fulfilled.Contains(g.Status)).Sum(g => g.Orders), sold.Where(g => g.Status != nameof(OrderStatus.PendingReview)).Sum(g => g.Orders)),
            Ratio(returning, customers),
            shipped == 0 ? 0 : Math.Round(sold.Sum(g => g.ProcessingMinutes) / 60.0 / shipped, 1),
            Ratio(sold.Sum(g => g.OnTime), shipped),
            onHand == 0 ? 0 : Math.Round((double)bySku.Sum(s => s.Quantity) / onHand, 2));

        var daily = Enumerable.Range(0, days).Select(d => first.AddDays(d))
            .Select(day => new ChartPoint(day.ToString("MM-dd"), sold.Where(g => g.Day == day).Sum(g => g.Sales)))
            .ToList();
        var soldCodes = bySku.Select(s => s.Code).ToHashSet();
        var slow = stock.Where(s => s.OnHand > 0 && !soldCodes.Contains(s.SkuCode)).GroupBy(s => s.SkuCode)
            .Select(g => new ChartPoint(skuNames.GetValueOrDefault(g.Key, g.Key), g.Sum(s => s.OnHand))).OrderByDescending(p => p.Value).Take(10).ToList();
        return new DashboardData(kpis, daily,
            [.. sold.GroupBy(g => g.Channel).Select(c => new ChartPoint(c.Key, c.Sum(g => g.Sales))).OrderByDescending(p => p.Value)],
            [.. bySku.OrderByDescending(s => s.Quantity).Take(10).Select(s => new ChartPoint(skuNames.GetValueOrDefault(s.Code, s.Code), s.Quantity))],
            slow,
            [.. groups.GroupBy(g => g.Status).Select(s => new ChartPoint(s.Key, s.Sum(g => g.Orders))).OrderByDescending(p => p.Value)],
            [.. stock.Where(s => s.Available <= s.SafetyStock).OrderBy(s => s.Available - s.SafetyStock).Take(10)]);
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
