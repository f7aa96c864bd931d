using CloudOMS.Grains;
using CloudOMS.Silo.Projection;
using CloudOMS.Silo.ReadModel;
using CloudOMS.Silo.Sagas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudOMS.Silo.Audit;

public sealed record StockDrift(string SkuCode, string Warehouse, int Reserved, long Expected);

public sealed record StockAuditReport(string TenantId, DateTimeOffset At, int SkusChecked, int OrdersHoldingStock, IReadOnlyList<StockDrift> Drift)
{
    public bool Clean => Drift.Count == 0;
}

/// <summary>
/// Recomputes every SKU's reserved quantity per warehouse from the orders that hold stock and
/// compares it with the SKU grains. Interrupted sagas are finished first; a difference is re-checked
/// a few times before it is reported, since a reservation may be between its two saves.
/// </summary>
public sealed class StockAudit(
    IGrainFactory grains,
    IDbContextFactory<ReadModelDbContext> dbFactory,
    ReadModelProjector projector,
    SagaSweeper sagas,
    TimeProvider clock,
    ILogger<StockAudit> logger)
{
    private const int Checks = 5;

    public async Task<StockAuditReport> Run(string tenantId, CancellationToken cancellationToken = default)
    {
        await sagas.ResumePending(tenantId, cancellationToken);
        StockAuditReport report = null!;
        for (var check = 1; check <= Checks; check++)
        {
            report = await Compare(tenantId, cancellationToken);
            if (report.Clean) break;
            await Task.Delay(TimeSpan.FromMilliseconds(100 * check), cancellationToken);
            await projector.CatchUp(cancellationToken);
        }
        if (report.Clean)
            logger.LogInformation("Stock audit of tenant {TenantId}: {Skus} SKUs, no drift", tenantId, report.SkusChecked);
        else
            logger.LogError("Stock audit of tenant {TenantId} found drift on {Count} SKU/warehouse pairs: {Drift}", tenantId, report.Drift.Count, report.Drift);
        return report;
    }

    private async Task<StockAuditReport> Compare(string tenantId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var held = nameof(StockHold.Reserved);
        var expected = await (
                from line in db.OrderLines
                join order in db.Orders on line.OrderId equals order.OrderId
                where order.Hold == held
                group line by new { line.SkuCode, Warehouse = order.Warehouse! } into g
                select new { g.Key.SkuCode, g.Key.Warehouse, Quantity = g.Sum(l => (long)l.Quantity) })
            .ToDictionaryAsync(x => (x.SkuCode, x.Warehouse), x => x.Quantity, cancellationToken);
        var holding = await db.Orders.CountAsync(o => o.Hold == held, cancellationToken);
        var codes = await db.Skus.Select(s => s.Code).ToListAsync(cancellationToken);

        var drift = new List<StockDrift>();
        foreach (var chunk in codes.Chunk(64))
        {
            var snapshots = await Task.WhenAll(chunk.Select(c => grains.Sku(tenantId, c).Get()));
            foreach (var snapshot in snapshots.OfType<SkuSnapshot>())
            {
                var warehouses = snapshot.Levels.Select(l => l.Warehouse)
                    .Union(expected.Keys.Where(k => k.SkuCode == snapshot.Profile.Code).Select(k => k.Warehouse));
                foreach (var warehouse in warehouses)
                {
                    var reserved = snapshot.Level(warehouse).Reserved;
                    var should = expected.GetValueOrDefault((snapshot.Profile.Code, warehouse));
                    if (reserved != should) drift.Add(new StockDrift(snapshot.Profile.Code, warehouse, reserved, should));
                }
            }
        }
        return new StockAuditReport(tenantId, clock.GetUtcNow(), codes.Count, holding, drift);
    }
}
