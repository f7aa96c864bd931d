using System.Diagnostics;
using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.LoadTests.PortalPages;

/// <summary>
/// Brings a tenant's read model up to a given number of orders by copying the orders it already has (made through
/// the API, so every status, channel and line mix is real) under new order numbers, spread over the last 30 China
/// days. Only the pages' data source is filled: the grains never see these copies, and a read-model rebuild drops them.
/// Used because creating 100,000 orders through the API is bounded by per-write storage cost (see RESULTS.md).
/// </summary>
public static class ReadModelFill
{
    public static async Task<(int Added, TimeSpan Elapsed)> Run(string readModelPath, string tenantId, int target, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<ReadModelDbContext>().UseSqlite($"Data Source={readModelPath};Default Timeout=60").Options;
        await using var source = new ReadModelDbContext(options) { TenantId = tenantId };
        var templates = await source.Orders.AsNoTracking().Include(o => o.Lines).ToListAsync(cancellationToken);
        var missing = target - templates.Count;
        if (missing <= 0 || templates.Count == 0) return (0, clock.Elapsed);

        var today = ChinaTime.Of(DateTimeOffset.UtcNow).Date;
        var random = new Random(20261125);
        const int batch = 5_000;
        for (var start = 0; start < missing; start += batch)
        {
            await using var db = new ReadModelDbContext(options) { TenantId = tenantId };
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(missing, start + batch); i++)
                db.Orders.Add(Copy(templates[i % templates.Count], i, today, random));
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"  read model: {templates.Count + Math.Min(missing, start + batch):N0}/{target:N0} orders");
        }
        return (missing, clock.Elapsed);
    }

    private static OrderRow Copy(OrderRow template, int n, DateTime today, Random random)
    {
        var day = today.AddDays(-random.Next(30));
        var created = new DateTimeOffset(day, ChinaTime.Offset).AddSeconds(random.Next(86_400));
        var shift = created - template.CreatedAt;
        // Numbers from 60000 up on each day stay clear of the tenant's own counter in a measurement run.
        var orderId = $"SO{day:yyyyMMdd}{60_000 + n % 40_000:D5}{n / 40_000}";
        var row = new OrderRow
        {
            TenantId = template.TenantId, OrderId = orderId, Status = template.Status, PaymentStatus = template.PaymentStatus,
            Channel = template.Channel, CustomerName = template.CustomerName, Phone = template.Phone, Province = template.Province,
            City = template.City, Address = template.Address, Warehouse = template.Warehouse, Hold = template.Hold, Carrier = template.Carrier,
            TrackingNo = template.TrackingNo is null ? null : $"{template.TrackingNo}{n}", Total = template.Total, Paid = template.Paid,
            ItemCount = template.ItemCount, UpdatedAt = template.UpdatedAt + shift, DeliveredAt = template.DeliveredAt + shift, Version = 1,
            Lines = [.. template.Lines.Select(l => new OrderLineRow
            {
                TenantId = l.TenantId, OrderId = orderId, LineNo = l.LineNo, SkuCode = l.SkuCode, SkuName = l.SkuName,
                Quantity = l.Quantity, UnitPrice = l.UnitPrice, Discount = l.Discount, Amount = l.Amount,
            })],
        };
        row.SetTimes(created, template.ShippedAt + shift);
        row.StampLines();
        return row;
    }
}
