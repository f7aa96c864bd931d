using CloudOMS.Grains;
using CloudOMS.Silo.Projection;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudOMS.Silo.Sagas;

/// <summary>
/// Resumes orders whose stock step was interrupted (a crash between saving the step and finishing
/// it). The read model flags them; the projection's catch-up guarantees the flag is not missed.
/// </summary>
public sealed class SagaSweeper(
    IGrainFactory grains,
    IDbContextFactory<ReadModelDbContext> dbFactory,
    ReadModelProjector projector,
    IOptions<CloudOmsOptions> options,
    ILogger<SagaSweeper> logger) : BackgroundService
{
    /// <summary>Resumes pending sagas (of one tenant, or all); returns how many are still pending.</summary>
    public async Task<int> ResumePending(string? tenantId, CancellationToken cancellationToken = default)
    {
        await projector.CatchUp(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Orders.IgnoreQueryFilters()
            .Where(o => o.SagaPending && (tenantId == null || o.TenantId == tenantId))
            .Select(o => new { o.TenantId, o.OrderId })
            .ToListAsync(cancellationToken);
        var stillPending = 0;
        foreach (var order in pending)
        {
            // On shutdown, stop between orders: each resumes on its own next time.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (!await grains.Order(order.TenantId, order.OrderId).ResumeSaga()) stillPending++;
            }
            catch (Exception error)
            {
                stillPending++;
                logger.LogWarning(error, "Order {OrderId} of tenant {TenantId} could not resume its stock step yet", order.OrderId, order.TenantId);
            }
        }
        if (pending.Count > 0)
        {
            logger.LogInformation("Resumed {Count} interrupted order stock steps, {Pending} still pending", pending.Count, stillPending);
            await projector.CatchUp(cancellationToken);
        }
        return stillPending;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep also waits one interval, so the silo has finished starting.
        var delay = options.Value.SagaSweepInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, stoppingToken);
                await ResumePending(null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogError(error, "Saga sweep failed");
            }
        }
    }
}
