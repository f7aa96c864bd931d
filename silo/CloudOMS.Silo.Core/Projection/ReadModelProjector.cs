using System.Diagnostics.Metrics;
using CloudOMS.Grains;
using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudOMS.Silo.Projection;

/// <summary>
/// Follows the grain storage table by its change sequence and upserts the read model. The checkpoint
/// is saved in the same transaction as the rows, so a crash anywhere (after a grain write, mid-batch)
/// is healed by simply reading on from the checkpoint: nothing written by a grain is ever missed.
/// </summary>
public sealed class ReadModelProjector(
    GrainStateStore store,
    IDbContextFactory<ReadModelDbContext> dbFactory,
    StorageChangeSignal changes,
    ProjectionQuarantine quarantine,
    ReadModelNotifications notifications,
    TimeProvider clock,
    OmsMetrics metrics,
    IOptions<CloudOmsOptions> options,
    ILogger<ReadModelProjector> logger) : BackgroundService, IHostedLifecycleService
{
    public const string CheckpointName = "grain-storage";
    private const int BatchSize = 500;
    private static readonly TimeSpan RecountInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HorizonPause = TimeSpan.FromMilliseconds(20);
    private const int HorizonWaitTries = 250;
    private readonly SemaphoreSlim _running = new(1, 1);
    private long _head;
    private long _position;
    private DateTimeOffset _progressAt = DateTimeOffset.MinValue;
    private ObservableGauge<long>? _lag;
    private ObservableGauge<long>? _quarantined;

    /// <summary>Changes written to grain storage that the read model has not applied yet, as last seen.</summary>
    public long Behind => Math.Max(0, Interlocked.Read(ref _head) - Interlocked.Read(ref _position));

    /// <summary>When the projection last applied (or set aside) a batch, or found nothing to do.</summary>
    public DateTimeOffset ProgressAt => _progressAt;

    /// <summary>Whether this process keeps the read model (else another process does).</summary>
    public bool Projects => options.Value.Projection;

    /// <summary>The change sequence the read model has applied up to, as last saved.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>
    /// Projects everything written so far; returns the number of changes applied. Does nothing in a
    /// process that does not run the projection (another process keeps the read model).
    /// </summary>
    /// <remarks>
    /// On PostgreSQL the change feed stops short of the oldest transaction still open on the server (a write
    /// committed later may carry an older sequence number), so "everything written so far" can be held back
    /// for a moment: the catch-up waits for it, up to <see cref="HorizonWaitTries"/> short pauses, and leaves
    /// the rest to the next round should a transaction stay open longer than that.
    /// </remarks>
    public async Task<int> CatchUp(CancellationToken cancellationToken = default)
    {
        if (!options.Value.Projection) return 0;
        await _running.WaitAsync(cancellationToken);
        try
        {
            var head = await store.ReadHead(cancellationToken);
            Interlocked.Exchange(ref _head, head);
            var total = 0;
            var waits = 0;
            while (true)
            {
                var applied = await ProjectBatch(cancellationToken);
                total += applied;
                if (applied >= BatchSize) continue;
                if (Position < head && waits++ < HorizonWaitTries)
                {
                    await Task.Delay(HorizonPause, cancellationToken);
                    continue;
                }
                _progressAt = clock.GetUtcNow();
                return total;
            }
        }
        finally
        {
            _running.Release();
        }
    }

    Task IHostedLifecycleService.StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Projection) return Task.CompletedTask;
        _lag ??= metrics.Meter.CreateObservableGauge(OmsMetrics.ProjectionLag, () => Behind, "{change}",
            "Grain-storage changes not yet applied to the read model");
        _quarantined ??= metrics.Meter.CreateObservableGauge(OmsMetrics.ProjectionQuarantined, () => Math.Max(0, quarantine.Count), "{change}",
            "Grain-storage changes the read model could not apply, set aside for the operator");
        return Task.CompletedTask;
    }

    /// <summary>
    /// After every hosted service, the silo included, has stopped: no grain writes any more, so one
    /// last catch-up leaves the read model and its checkpoint exactly at what was stored.
    /// </summary>
    async Task IHostedLifecycleService.StoppedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Projection) return;
        try
        {
            var applied = await CatchUp(cancellationToken);
            logger.LogInformation("Read model projection stopped at change {Position} after applying {Applied} final changes", Position, applied);
        }
        catch (Exception error)
        {
            // The checkpoint is saved with each batch, so the next start reads on from the last one saved.
            logger.LogWarning(error, "Final read model catch-up did not finish; the next start resumes from change {Position}", Position);
        }
    }

    Task IHostedLifecycleService.StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedLifecycleService.StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Projection) return;
        await RetryQuarantined(stoppingToken);
        var recountAt = clock.GetUtcNow() + RecountInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Wait first so a burst of writes is projected in one batch rather than one by one.
                await changes.WaitAsync(TimeSpan.FromMilliseconds(500), stoppingToken);
                await Task.Delay(TimeSpan.FromMilliseconds(20), stoppingToken);
                await CatchUp(stoppingToken);
                // Another process projecting the same database may have set changes aside or released them.
                if (clock.GetUtcNow() < recountAt) continue;
                await quarantine.Recount(stoppingToken);
                recountAt = clock.GetUtcNow() + RecountInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogError(error, "Read model projection failed; retrying from the checkpoint");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>At start, changes set aside before get another try: the code now running may apply them.</summary>
    private async Task RetryQuarantined(CancellationToken stoppingToken)
    {
        try
        {
            var retried = await quarantine.RetryAll(stoppingToken);
            if (retried.Count > 0)
                logger.LogWarning("Retried {Count} quarantined read-model changes at start: {Applied} applied, {Failing} still failing",
                    retried.Count, retried.Count(r => r.Applied), retried.Count(r => !r.Applied));
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(error, "Could not retry quarantined read-model changes at start; the operator console can");
        }
    }

    private async Task<int> ProjectBatch(CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredState> batch = [];
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // On PostgreSQL several processes may project into the same read model: they take turns, and
            // each reads the checkpoint only once it holds the turn, so no change is applied twice.
            // (SQLite has one writer per file and one projecting process: SaveChanges' own transaction suffices.)
            await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await ReadModelSchema.TakeWriterLock(db, cancellationToken);
            var checkpoint = await Checkpoint(db, cancellationToken);
            Interlocked.Exchange(ref _position, checkpoint.Position);

            batch = await store.ReadChanges(checkpoint.Position, BatchSize, cancellationToken);
            if (batch.Count == 0) return 0;
            await StateProjections.ApplyAll(db, batch, cancellationToken);
            var released = await quarantine.Release(db, batch, cancellationToken);
            checkpoint.Position = batch[^1].ChangeSeq;
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            if (released) await quarantine.Recount(cancellationToken);
        }
        catch (Exception error) when (batch.Count > 0 && ProjectionQuarantine.IsPoison(error, cancellationToken))
        {
            // One change (or a few) cannot be applied: keep it to its own row and company, and read on.
            logger.LogWarning(error, "Read model batch of {Count} changes failed; applying it in parts to set aside what fails", batch.Count);
            await quarantine.Contain(batch, error, cancellationToken);
            await MoveCheckpoint(batch[^1].ChangeSeq, cancellationToken);
        }
        Interlocked.Exchange(ref _position, batch[^1].ChangeSeq);
        _progressAt = clock.GetUtcNow();
        notifications.Raise(batch.Select(c => GrainKeys.TryParse(c.GrainKey, out var tenantId, out _, out _) ? tenantId : null).OfType<string>().Distinct());
        return batch.Count;
    }

    private static async Task<ProjectionCheckpoint> Checkpoint(ReadModelDbContext db, CancellationToken cancellationToken)
    {
        var checkpoint = await db.Checkpoints.FirstOrDefaultAsync(c => c.Name == CheckpointName, cancellationToken);
        if (checkpoint is null) db.Checkpoints.Add(checkpoint = new ProjectionCheckpoint { Name = CheckpointName });
        return checkpoint;
    }

    /// <summary>After a contained batch: the checkpoint moves past it (never back, should another process have gone further).</summary>
    private async Task MoveCheckpoint(long position, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await ReadModelSchema.TakeWriterLock(db, cancellationToken);
        var checkpoint = await Checkpoint(db, cancellationToken);
        checkpoint.Position = Math.Max(checkpoint.Position, position);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }
}
