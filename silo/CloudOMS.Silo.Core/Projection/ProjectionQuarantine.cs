using CloudOMS.Grains;
using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudOMS.Silo.Projection;

/// <summary>What retrying a quarantined change did: applied (and released), still failing (with the error), or gone.</summary>
public sealed record QuarantineRetry(string StateName, string GrainKey, bool Applied, string? Error);

/// <summary>
/// Keeps one company's unprojectable change from stopping the read model of all the others. When a batch fails for
/// a reason other than the database being away, the batch is split in halves and each half applied on its own,
/// again and again, until only the changes that fail by themselves are left; those are set aside here with their
/// error (one row per stored state) and the projection reads on. A change that fails alone affects its own row at
/// most. A newer version of a set-aside state that applies removes it; the operator console retries the rest after
/// a fix, and every start retries them once (the new code may apply them).
/// </summary>
public sealed class ProjectionQuarantine(
    GrainStateStore store,
    IDbContextFactory<ReadModelDbContext> dbFactory,
    TimeProvider clock,
    ILogger<ProjectionQuarantine> logger)
{
    private const int MaxError = 2000;
    private long _count = -1;

    /// <summary>Changes set aside now, as last counted (-1 before the first count).</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Whether a failed projection is the change's fault, not a database that is away or a stop.</summary>
    public static bool IsPoison(Exception error, CancellationToken cancellationToken) =>
        !(error is OperationCanceledException && cancellationToken.IsCancellationRequested) && !DatabaseFailure.IsUnavailable(error);

    /// <summary>Applies what applies of a failed batch, in order, and sets aside each change that fails on its own.</summary>
    public async Task Contain(IReadOnlyList<StoredState> changes, Exception error, CancellationToken cancellationToken)
    {
        if (changes.Count == 1)
        {
            await SetAside(changes[0], error, cancellationToken);
            return;
        }
        var half = changes.Count / 2;
        foreach (var part in new[] { changes.Take(half).ToList(), changes.Skip(half).ToList() })
            if (await TryApply(part, cancellationToken) is { } failure) await Contain(part, failure, cancellationToken);
    }

    /// <summary>Applies the changes in one transaction: null when applied, the error when they are poison (a database away throws).</summary>
    public async Task<Exception?> TryApply(IReadOnlyList<StoredState> changes, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await ReadModelSchema.TakeWriterLock(db, cancellationToken);
            await StateProjections.ApplyAll(db, changes, cancellationToken);
            var released = await Release(db, changes, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            if (released) await Recount(cancellationToken);
            return null;
        }
        catch (Exception error) when (IsPoison(error, cancellationToken))
        {
            return error;
        }
    }

    /// <summary>
    /// Marks for removal, in the caller's save, the set-aside entries that these (newer or equal) versions replace;
    /// returns whether there were any (then <see cref="Recount(CancellationToken)"/> after the save).
    /// </summary>
    public async Task<bool> Release(ReadModelDbContext db, IReadOnlyList<StoredState> applied, CancellationToken cancellationToken)
    {
        if (Count == 0) return false;
        var keys = applied.Select(c => c.GrainKey).Distinct().ToList();
        var entries = await db.Quarantine.Where(q => keys.Contains(q.GrainKey)).ToListAsync(cancellationToken);
        var replaced = entries.Where(e => applied.Any(c => c.StateName == e.StateName && c.GrainKey == e.GrainKey && c.Version >= e.Version)).ToList();
        db.Quarantine.RemoveRange(replaced);
        return replaced.Count > 0;
    }

    /// <summary>The set-aside changes, newest failure first (for the operator console).</summary>
    public async Task<IReadOnlyList<QuarantinedChangeRow>> List(int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Quarantine.AsNoTracking().OrderByDescending(q => q.LastFailedAt).Take(limit).ToListAsync(cancellationToken);
        await Recount(db, cancellationToken);
        return rows;
    }

    /// <summary>Counts the set-aside changes again (another process may have set some aside or released them).</summary>
    public async Task<long> Recount(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Recount(db, cancellationToken);
    }

    /// <summary>Tries every set-aside change again from what is stored now.</summary>
    public async Task<IReadOnlyList<QuarantineRetry>> RetryAll(CancellationToken cancellationToken = default)
    {
        var results = new List<QuarantineRetry>();
        foreach (var entry in await List(int.MaxValue, cancellationToken))
            results.Add(await Retry(entry.StateName, entry.GrainKey, cancellationToken));
        return results;
    }

    /// <summary>Applies the state's stored version now; it leaves the quarantine if it applies (or no longer exists).</summary>
    public async Task<QuarantineRetry> Retry(string stateName, string grainKey, CancellationToken cancellationToken = default)
    {
        var stored = await store.ReadOne(stateName, grainKey, cancellationToken);
        var error = stored is null ? null : await TryApply([stored], cancellationToken);
        if (error is not null) await SetAside(stored!, error, cancellationToken);
        else await Forget(stateName, grainKey, cancellationToken);
        logger.LogInformation("Quarantined change {StateName} {GrainKey} retried: {Outcome}", stateName, grainKey, error is null ? "applied" : "still failing");
        return new QuarantineRetry(stateName, grainKey, error is null, error is null ? null : Describe(error));
    }

    private async Task SetAside(StoredState change, Exception error, CancellationToken cancellationToken)
    {
        GrainKeys.TryParse(change.GrainKey, out var tenantId, out _, out _);
        logger.LogError(error, "Read model cannot apply {StateName} {GrainKey} version {Version} of tenant {TenantId}; set aside, the projection goes on",
            change.StateName, change.GrainKey, change.Version, tenantId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var entry = await db.Quarantine.FirstOrDefaultAsync(q => q.StateName == change.StateName && q.GrainKey == change.GrainKey, cancellationToken);
        if (entry is null) db.Quarantine.Add(entry = new QuarantinedChangeRow { StateName = change.StateName, GrainKey = change.GrainKey, FirstFailedAt = now });
        entry.TenantId = tenantId ?? "";
        entry.Version = change.Version;
        entry.ChangeSeq = change.ChangeSeq;
        entry.Error = Describe(error);
        entry.Attempts++;
        entry.LastFailedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await Recount(db, cancellationToken);
    }

    private async Task Forget(string stateName, string grainKey, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Quarantine.Where(q => q.StateName == stateName && q.GrainKey == grainKey).ExecuteDeleteAsync(cancellationToken);
        await Recount(db, cancellationToken);
    }

    private async Task<long> Recount(ReadModelDbContext db, CancellationToken cancellationToken)
    {
        var count = await db.Quarantine.LongCountAsync(cancellationToken);
        Interlocked.Exchange(ref _count, count);
        return count;
    }

    /// <summary>The error as the operator reads it: every cause's type and message, made storable and bounded.</summary>
    private static string Describe(Exception error)
    {
        var causes = new List<string>();
        for (var e = error; e is not null && causes.Count < 5; e = e.InnerException) causes.Add($"{e.GetType().Name}: {e.Message}");
        var text = new string([.. string.Join(" <- ", causes).Select(c => TextRules.Problem(c.ToString()) is null ? c : '?')]);
        return text.Length <= MaxError ? text : text[..MaxError];
    }
}
