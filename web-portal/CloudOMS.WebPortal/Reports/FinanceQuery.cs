using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Reports;

/// <summary>
/// Orders still owed money (not paid in full, not cancelled, not drafts), newest first, of the last
/// <c>days</c> days or all: what 财务 shows and exports, so the workbook matches the screen.
/// </summary>
public static class FinanceQuery
{
    public const int MaxRows = 500;

    /// <summary>The periods offered: all, the last 7 and the last 30 days.</summary>
    public static readonly int[] Periods = [0, 7, 30];

    public static async Task<List<OrderRow>> Outstanding(ReadModelDbContext db, int days, DateTimeOffset now, IReadOnlyCollection<string>? warehouses)
    {
        var settled = new[] { "Paid", "Refunded" };
        var query = db.Orders.Where(o => !settled.Contains(o.PaymentStatus) && o.Status != "Cancelled" && o.Status != "Draft");
        if (days > 0)
        {
            var start = now.AddDays(-days);
            query = query.Where(o => o.CreatedAt >= start);
        }
        // A warehouse-scoped member sees the orders of their warehouses only.
        if (warehouses is not null) query = query.Where(o => o.Warehouse != null && warehouses.Contains(o.Warehouse));
        return await query.OrderByDescending(o => o.CreatedAt).Take(MaxRows).ToListAsync();
    }
}
