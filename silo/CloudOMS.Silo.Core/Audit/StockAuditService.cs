using System.Collections.Concurrent;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudOMS.Silo.Audit;

/// <summary>Runs the stock audit for every tenant periodically and keeps each tenant's last report.</summary>
public sealed class StockAuditService(
    StockAudit audit,
    IDbContextFactory<ReadModelDbContext> dbFactory,
    IOptions<CloudOmsOptions> options,
    ILogger<StockAuditService> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, StockAuditReport> _last = new();

    public StockAuditReport? LastReport(string tenantId) => _last.GetValueOrDefault(tenantId);

    public async Task<StockAuditReport> Run(string tenantId, CancellationToken cancellationToken = default)
    {
        var report = await audit.Run(tenantId, cancellationToken);
        _last[tenantId] = report;
        return report;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AuditInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                foreach (var tenantId in await db.Tenants.Select(t => t.TenantId).ToListAsync(stoppingToken))
                    await Run(tenantId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogError(error, "Periodic stock audit failed");
            }
        }
    }
}
