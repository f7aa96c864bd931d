using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Reports;

/// <summary>The dashboard's key figures; <see cref="Pending"/> and <see cref="PendingAmount"/> are the orders awaiting review (not sales).</summary>
public sealed record Kpis(decimal Sales, long Orders, decimal AverageOrder, double Fulfilment, double Repeat, double ProcessingHours, double OnTime, double Turnover,
    long Pending, decimal PendingAmount);

/// <summary>
/// One bar, slice or list entry. Where <see cref="Label"/> is a code (a channel, a status) the report API adds its
/// <see cref="Name"/> in the caller's language; the portal names it as it draws.
/// </summary>
public sealed record ChartPoint(string Label, decimal Value, string? Name = null);

/// <summary>A stock level at or below its safety stock, with the SKU's and the warehouse's names beside their codes.</summary>
public sealed record LowStockRow(string TenantId, string SkuCode, string WarehouseCode, int OnHand, int Reserved, int Available, int SafetyStock,
    string SkuName, string WarehouseName);

public sealed record DashboardData(Kpis Kpis, IReadOnlyList<ChartPoint> DailySales, IReadOnlyList<ChartPoint> Channels, IReadOnlyList<ChartPoint> TopSkus,
    IReadOnlyList<ChartPoint> SlowSkus, IReadOnlyList<ChartPoint> ByStatus, IReadOnlyList<LowStockRow> LowStock);

/// <summary>
/// The dashboard's figures for the last N days (China calendar days), from the totals the projection keeps in the
/// read model: per day, status, channel and warehouse (<see cref="OrderDayTotalRow"/>); per day and SKU
/// (<see cref="SkuDayTotalRow"/>); each customer's latest two sale days (<see cref="CustomerRecencyRow"/>). A load
/// reads a few small result sets however many orders the tenant has. Sales are the orders approved (stock reserved)
/// or later (<see cref="SalesRules.IsSale(string, bool)"/>); orders awaiting review, refused ones included, are
/// counted apart.
/// </summary>
public static class DashboardQueries
{
    private static readonly string[] Sales = SalesRules.Sales;
    private static readonly string[] Fulfilled = [nameof(OrderStatus.Shipped), nameof(OrderStatus.Delivered), nameof(OrderStatus.Completed)];

    public static async Task<DashboardData> Load(ReadModelDbContext db, int days, DateTimeOffset now, IReadOnlySet<string>? scope)
    {
        var today = ChinaTime.Day(now);
        var first = today.AddDays(1 - days);
        var (groups, customers, returning, bySku) = await Count(db, first, scope);
        var stock = await db.Stock.Where(s => scope == null || scope.Contains(s.WarehouseCode)).ToListAsync();
        var skuNames = await db.Skus.Select(s => new { s.Code, s.Name }).ToDictionaryAsync(s => s.Code, s => s.Name);
        var warehouseNames = await db.Warehouses.Select(w => new { w.Code, w.Name }).ToDictionaryAsync(w => w.Code, w => w.Name);

        var sold = groups.Where(g => g.Sale).ToList();
        var pending = groups.Where(g => g.Status == SalesRules.Pending).ToList();
        var salesCount = sold.Sum(g => g.Orders);
        var salesAmount = sold.Sum(g => g.Sales);
        var shipped = sold.Sum(g => g.Shipped);
        var onHand = stock.Sum(s => (long)s.OnHand);
        var kpis = new Kpis(
            salesAmount,
            salesCount,
            salesCount == 0 ? 0 : decimal.Round(salesAmount / salesCount, 2),
            Ratio(sold.Where(g => Fulfilled.Contains(g.Status)).Sum(g => g.Orders), salesCount),
            Ratio(returning, customers),
            shipped == 0 ? 0 : Math.Round(sold.Sum(g => g.ProcessingMinutes) / 60.0 / shipped, 1),
            Ratio(sold.Sum(g => g.OnTime), shipped),
            onHand == 0 ? 0 : Math.Round((double)bySku.Sum(s => s.Quantity) / onHand, 2),
            pending.Sum(g => g.Orders),
            pending.Sum(g => g.Sales));

        var daily = Enumerable.Range(0, days).Select(d => first.AddDays(d))
            .Select(day => new ChartPoint(day.ToString("MM-dd"), sold.Where(g => g.Day == day).Sum(g => g.Sales)))
            .ToList();
        var soldCodes = bySku.Select(s => s.Code).ToHashSet();
        var slow = stock.Where(s => s.OnHand > 0 && !soldCodes.Contains(s.SkuCode)).GroupBy(s => s.SkuCode)
            .Select(g => new ChartPoint(skuNames.GetValueOrDefault(g.Key, g.Key), g.Sum(s => (long)s.OnHand))).OrderByDescending(p => p.Value).ThenBy(p => p.Label, StringComparer.Ordinal).Take(10).ToList();
        return new DashboardData(kpis, daily,
            [.. sold.GroupBy(g => g.Channel).Select(c => new ChartPoint(c.Key, c.Sum(g => g.Sales))).OrderByDescending(p => p.Value).ThenBy(p => p.Label, StringComparer.Ordinal)],
            [.. bySku.OrderByDescending(s => s.Quantity).ThenBy(s => s.Code, StringComparer.Ordinal).Take(10).Select(s => new ChartPoint(skuNames.GetValueOrDefault(s.Code, s.Code), s.Quantity))],
            slow,
            [.. groups.GroupBy(g => g.Status).Select(s => new ChartPoint(s.Key, s.Sum(g => g.Orders))).OrderByDescending(p => p.Value).ThenBy(p => p.Label, StringComparer.Ordinal)],
            [.. stock.Where(s => s.Available <= s.SafetyStock).OrderBy(s => s.Available - s.SafetyStock).Take(10)
                .Select(s => new LowStockRow(s.TenantId, s.SkuCode, s.WarehouseCode, s.OnHand, s.Reserved, s.Available, s.SafetyStock,
                    skuNames.GetValueOrDefault(s.SkuCode, s.SkuCode), warehouseNames.GetValueOrDefault(s.WarehouseCode, s.WarehouseCode)))]);
    }

    /// <summary>The counted figures of the orders created from <paramref name="first"/> on, within the warehouse scope.</summary>
    internal static async Task<SalesFigures> Count(ReadModelDbContext db, DateOnly first, IReadOnlySet<string>? scope)
    {
        // Totals rows whose count went back to zero (their orders changed status or day) are kept and skipped here.
        var groups = await db.OrderDayTotals
            .Where(t => t.Day >= first && t.Orders > 0 && (scope == null || (t.Warehouse != SalesRules.NoWarehouse && scope.Contains(t.Warehouse))))
            .GroupBy(t => new { t.Day, t.Status, t.Channel, Allocated = t.Warehouse != SalesRules.NoWarehouse })
            .Select(g => new { g.Key.Day, g.Key.Status, g.Key.Channel, g.Key.Allocated, Orders = g.Sum(t => (long)t.Orders), Cents = g.Sum(t => t.SalesCents),
                Shipped = g.Sum(t => (long)t.Shipped), Minutes = g.Sum(t => t.ProcessingMinutes), OnTime = g.Sum(t => (long)t.OnTime) })
            .ToListAsync();
        // A customer bought in the period when their latest sale day is in it, and bought again when the one before is
        // too; a user limited to some warehouses sees each customer once, over those warehouses' scopes.
        IReadOnlyCollection<string> scopes = scope ?? (IReadOnlyCollection<string>)[SalesRules.WholeTenant];
        var buyers = await db.CustomerRecency.Where(c => scopes.Contains(c.Scope) && c.LastDay >= first)
            .GroupBy(c => c.Phone).Select(g => new { Returning = g.Count() > 1 || g.Count(c => c.PreviousDay >= first) > 0 })
            .GroupBy(c => c.Returning).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var bySku = await db.SkuDayTotals
            .Where(t => t.Day >= first && t.Lines > 0 && (Sales.Contains(t.Status) || (t.Status == SalesRules.Held && t.Warehouse != SalesRules.NoWarehouse)) && (scope == null || (t.Warehouse != SalesRules.NoWarehouse && scope.Contains(t.Warehouse))))
            .GroupBy(t => t.SkuCode)
            .Select(g => new SkuUnits(g.Key, g.Sum(t => t.Quantity))).ToListAsync();
        return new SalesFigures(
            DayGroup.Merge(groups.Select(g => new DayGroup(g.Day, g.Status, g.Channel, SalesRules.IsSale(g.Status, g.Allocated), g.Orders, g.Cents / 100m, g.Shipped, g.Minutes, g.OnTime))),
            buyers.Sum(b => b.Count), buyers.Where(b => b.Key).Sum(b => b.Count), bySku);
    }

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}

/// <summary>Orders of one day, status and channel, sales or not: how many, their total, and the shipped ones' processing minutes.</summary>
internal sealed record DayGroup(DateOnly Day, string Status, string Channel, bool Sale, long Orders, decimal Sales, long Shipped, long ProcessingMinutes, long OnTime)
{
    /// <summary>One group per day, status, channel and sale: the database counts allocated and unallocated orders apart.</summary>
    public static List<DayGroup> Merge(IEnumerable<DayGroup> groups) =>
        [.. groups.GroupBy(g => (g.Day, g.Status, g.Channel, g.Sale)).Select(g => new DayGroup(g.Key.Day, g.Key.Status, g.Key.Channel, g.Key.Sale,
            g.Sum(x => x.Orders), g.Sum(x => x.Sales), g.Sum(x => x.Shipped), g.Sum(x => x.ProcessingMinutes), g.Sum(x => x.OnTime)))];
}

internal sealed record SkuUnits(string Code, long Quantity);

/// <summary>What the dashboard counts in the read model; the rest of its figures are arithmetic on these.</summary>
internal sealed record SalesFigures(IReadOnlyList<DayGroup> Groups, int Customers, int Returning, IReadOnlyList<SkuUnits> BySku);
