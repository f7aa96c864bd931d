using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Ui;

public sealed record Kpis(decimal Sales, int Orders, decimal AverageOrder, double Fulfilment, double Repeat, double ProcessingHours, double OnTime, double Turnover);

public sealed record ChartPoint(string Label, decimal Value);

public sealed record DashboardData(Kpis Kpis, IReadOnlyList<ChartPoint> DailySales, IReadOnlyList<ChartPoint> Channels, IReadOnlyList<ChartPoint> TopSkus,
    IReadOnlyList<ChartPoint> SlowSkus, IReadOnlyList<ChartPoint> ByStatus, IReadOnlyList<StockRow> LowStock);

/// <summary>
/// The dashboard's figures for the last N days (China calendar days), from the read model.
/// Cancelled and draft orders do not count as sales.
/// </summary>
public static class DashboardQueries
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly string[] NotSales = [nameof(OrderStatus.Cancelled), nameof(OrderStatus.Draft), nameof(OrderStatus.Rejected)];
    private static readonly string[] Fulfilled = [nameof(OrderStatus.Shipped), nameof(OrderStatus.Delivered), nameof(OrderStatus.Completed)];

    public static async Task<DashboardData> Load(ReadModelDbContext db, int days, DateTimeOffset now, IReadOnlySet<string>? scope)
    {
        var today = now.ToOffset(China).Date;
        var start = new DateTimeOffset(today.AddDays(1 - days), China).ToUniversalTime();
        var orders = await db.Orders
            .Where(o => o.CreatedAt >= start && (scope == null || (o.Warehouse != null && scope.Contains(o.Warehouse))))
            .Select(o => new { o.OrderId, o.CreatedAt, o.Total, o.Status, o.Channel, o.Phone, o.ShippedAt })
            .ToListAsync();
        var sales = orders.Where(o => !NotSales.Contains(o.Status)).ToList();
        var shipped = sales.Where(o => o.ShippedAt is not null).ToList();
        var customers = sales.GroupBy(o => o.Phone).ToList();
        var saleIds = sales.Select(o => o.OrderId).ToHashSet();
        var lines = await (from l in db.OrderLines
                           join o in db.Orders on l.OrderId equals o.OrderId
                           where o.CreatedAt >= start
                           select new { l.OrderId, l.SkuCode, l.SkuName, l.Quantity }).ToListAsync();
        lines = [.. lines.Where(l => saleIds.Contains(l.OrderId))];
        var stock = await db.Stock.Where(s => scope == null || scope.Contains(s.WarehouseCode)).ToListAsync();
        var skuNames = await db.Skus.Select(s => new { s.Code, s.Name }).ToDictionaryAsync(s => s.Code, s => s.Name);
        var onHand = stock.Sum(s => s.OnHand);

        var kpis = new Kpis(
            sales.Sum(o => o.Total),
            sales.Count,
            sales.Count == 0 ? 0 : decimal.Round(sales.Sum(o => o.Total) / sales.Count, 2),
            Ratio(sales.Count(o => Fulfilled.Contains(o.Status)), sales.Count(o => o.Status != nameof(OrderStatus.PendingReview))),
            Ratio(customers.Count(c => c.Count() > 1), customers.Count),
            shipped.Count == 0 ? 0 : Math.Round(shipped.Average(o => (o.ShippedAt!.Value - o.CreatedAt).TotalHours), 1),
            Ratio(shipped.Count(o => o.ShippedAt!.Value - o.CreatedAt <= TimeSpan.FromHours(24)), shipped.Count),
            onHand == 0 ? 0 : Math.Round((double)lines.Sum(l => l.Quantity) / onHand, 2));

        var daily = Enumerable.Range(0, days).Select(d => today.AddDays(1 - days + d))
            .Select(day => new ChartPoint(day.ToString("MM-dd"), sales.Where(o => o.CreatedAt.ToOffset(China).Date == day).Sum(o => o.Total)))
            .ToList();
        var bySku = lines.GroupBy(l => l.SkuCode).Select(g => new ChartPoint(g.First().SkuName, g.Sum(l => l.Quantity))).OrderByDescending(p => p.Value).ToList();
        var sold = lines.Select(l => l.SkuCode).ToHashSet();
        var slow = stock.Where(s => s.OnHand > 0 && !sold.Contains(s.SkuCode)).GroupBy(s => s.SkuCode)
            .Select(g => new ChartPoint(skuNames.GetValueOrDefault(g.Key, g.Key), g.Sum(s => s.OnHand))).OrderByDescending(p => p.Value).Take(10).ToList();
        return new DashboardData(kpis, daily,
            [.. sales.GroupBy(o => o.Channel).Select(g => new ChartPoint(g.Key, g.Sum(o => o.Total))).OrderByDescending(p => p.Value)],
            [.. bySku.Take(10)], slow,
            [.. orders.GroupBy(o => o.Status).Select(g => new ChartPoint(g.Key, g.Count())).OrderByDescending(p => p.Value)],
            [.. stock.Where(s => s.Available <= s.SafetyStock).OrderBy(s => s.Available - s.SafetyStock).Take(10)]);
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
