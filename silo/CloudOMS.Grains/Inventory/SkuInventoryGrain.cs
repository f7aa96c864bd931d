using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace CloudOMS.Grains;

/// <summary>
/// Reentrant so that a flash-sale burst is served by group commit: reservations arriving while a
/// write is in flight are checked and applied in memory and saved together by the next write.
/// </summary>
[Reentrant]
public sealed class SkuInventoryGrain(
    [PersistentState(StorageNames.Sku, StorageNames.Provider)] IPersistentState<SkuInventoryState> state,
    TimeProvider clock,
    OmsMetrics metrics,
    ILogger<SkuInventoryGrain> logger) : Grain, ISkuInventoryGrain
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);
    private readonly GroupCommit _commit = new(state.WriteStateAsync);
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    /// <summary>The commit generation of the last change to stock (or profile), which refusals wait for.</summary>
    private long _stockGeneration;

    /// <summary>The commit generation current when records were last acknowledged (null: none since activation); a later write saved them.</summary>
    private long? _acknowledgedSince;

    /// <summary>Acknowledgements written with no write of their own, at most: about 10 KB of records left in the stored state.</summary>
    private const int AcknowledgementsPerWrite = 64;

    /// <summary>Records acknowledged since the last write began: still in the stored state.</summary>
    private int _unsavedAcknowledgements;

    public async Task<SkuSnapshot> Define(SkuProfile profile, bool isNew)
    {
        if (isNew && state.State.Profile is not null) throw CodeTaken(profile.Code);
        TextRules.Ensure(("name", profile.Name), ("unit", profile.Unit), ("barcode", profile.Barcode));
        profile = profile with { Name = TextRules.Clean(profile.Name)!, Unit = TextRules.Clean(profile.Unit)!, Barcode = TextRules.Clean(profile.Barcode) };
        if (!isNew && state.State.Profile is null)
            throw CommandException.NotFound(Msg.Of("SkuInventoryGrain.SKUNotFound", profile.Code));
        var tenantId = GrainKeys.TenantIdOf(this.GetPrimaryKeyString());
        var before = state.State.Profile?.Barcode;
        if (isNew)
        {
            var tenant = GrainFactory.Tenant(tenantId);
            await tenant.TakeUsage(UsageKind.Skus);
            // Reentrant: a second create of the same code may have finished while the count was taken.
            if (state.State.Profile is not null)
            {
                await tenant.ReturnUsage(UsageKind.Skus);
                throw CodeTaken(profile.Code);
            }
            try
            {
                await ClaimBarcode(tenantId, profile);
            }
            catch (CommandException)
            {
                await tenant.ReturnUsage(UsageKind.Skus);
                throw;
            }
        }
        else await ClaimBarcode(tenantId, profile);
        state.State.Profile = profile;
        await Save();
        // The old barcode is free for another SKU; should this fail, its claim is found abandoned later.
        if (before is not null && !SameBarcode(before, profile.Barcode))
            await GrainFactory.Barcode(tenantId, before).Release(profile.Code);
        return Snapshot();
    }

    /// <summary>Refuses a barcode another SKU of the company carries (the index grain decides, so two saves at once cannot both win).</summary>
    private async Task ClaimBarcode(string tenantId, SkuProfile profile)
    {
        if (profile.Barcode is not { Length: > 0 } barcode) return;
        var holder = await GrainFactory.Barcode(tenantId, barcode).Claim(profile.Code);
        if (holder == profile.Code) return;
        var name = (await GrainFactory.Sku(tenantId, holder).Get())?.Profile.Name;
        throw CommandException.Invalid("barcode", name is null
            ? Msg.Of("SkuInventoryGrain.BarcodeTaken", holder)
            : Msg.Of("SkuInventoryGrain.BarcodeTakenNamed", holder, name));
    }

    private static bool SameBarcode(string a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static CommandException CodeTaken(string code) => CommandException.Invalid("code", Msg.Of("SkuInventoryGrain.SKUCodeAlreadyExists", code));

    public async Task<SkuSnapshot> SetActive(bool active)
    {
        RequireDefined();
        if (state.State.Inactive == !active) return Snapshot();
        state.State.Inactive = !active;
        await Save();
        return Snapshot();
    }

    public Task<SkuSnapshot?> Get() => Task.FromResult(state.State.Profile is null ? null : Snapshot());

    public async Task<SkuSnapshot> Move(StockMove move)
    {
        RequireDefined();
        Ledger.Move(move, clock.GetUtcNow());
        await Save();
        return Snapshot();
    }

    public async Task<ReserveResult> Reserve(ReserveRequest request)
    {
        RequireDefined();
        var repeat = Ledger.IsRecorded(request.OperationId);
        var result = Ledger.Reserve(request, clock.GetUtcNow());
        // A grant is answered once it is written; a refusal or a repeat changed nothing, but is answered only once
        // the stock it was decided on is durable (grants still being written may have sold the last units).
        // Acknowledgements change no stock, so a refusal does not wait for theirs.
        if (result.Reserved && !repeat) await Save();
        else await _commit.Persist(this, logger, _stockGeneration);
        if (!repeat) metrics.ReservationDecided(result.Reserved);
        return result;
    }

    public async Task Release(StockOpRequest request)
    {
        Ledger.Release(request, clock.GetUtcNow());
        await Save();
    }

    public async Task Commit(StockOpRequest request)
    {
        Ledger.Commit(request, clock.GetUtcNow());
        await Save();
    }

    public Task Acknowledge(IReadOnlyList<string> operationIds)
    {
        // Not written on its own: the records leave memory now and storage with the next write (or deactivation).
        // Forgotten by a crash, a record only stays until pruned; the order saved the outcome before acknowledging,
        // so it never asks again, and until then a resent operation still answers what was recorded. Once
        // AcknowledgementsPerWrite have gathered (the end of a burst) they are written, so the stored state stays small.
        Ledger.Acknowledge(operationIds);
        _acknowledgedSince = _commit.Generation;
        _unsavedAcknowledgements += operationIds.Count;
        return _unsavedAcknowledgements < AcknowledgementsPerWrite ? Task.CompletedTask : Save(changesStock: false);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_acknowledgedSince is not { } since || since < _commit.Generation) return;
        try
        {
            await Save(changesStock: false);
        }
        catch (OutcomeUnknownException)
        {
            // The records stay stored until acknowledged again or pruned: harmless.
        }
    }

    // Storage replaces the state object when it reads it, so the ledger is always made over the current one.
    private StockLedger Ledger => new(state.State);

    private Task Save(bool changesStock = true)
    {
        // Records live for an hour or a day, so looking for stale ones once a minute is plenty; looking on
        // every call would cost time in proportion to the operations in flight, on every call of a burst.
        var now = clock.GetUtcNow();
        if (now - _lastPrune >= PruneInterval)
        {
            Ledger.Prune(now);
            _lastPrune = now;
        }
        _commit.Changed();
        _unsavedAcknowledgements = 0;
        if (changesStock) _stockGeneration = _commit.Generation;
        return _commit.Persist(this, logger);
    }

    private void RequireDefined()
    {
        if (state.State.Profile is null)
            throw CommandException.NotFound(Msg.Of("SkuInventoryGrain.SKUNotFound", GrainKeys.TryParseId(this.GetPrimaryKeyString())));
    }

    private SkuSnapshot Snapshot() =>
        new(state.State.Profile!, Ledger.Levels(state.State.Profile!.SafetyStock), !state.State.Inactive);
}
