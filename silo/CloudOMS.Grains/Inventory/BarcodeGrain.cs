namespace CloudOMS.Grains;

/// <summary>
/// Holds one barcode for one SKU of a company. Not reentrant: two SKUs claiming the same barcode at once queue here
/// and the second finds the first one's claim. A claim is taken before the SKU saves its profile, so a claim can
/// outlive a save that failed; once it has settled, a claim whose SKU does not carry the barcode is given to the
/// next SKU that asks. SKUs saved before the index existed never claimed their barcode: the first claim looks them up.
/// </summary>
public sealed class BarcodeGrain(
    [PersistentState(StorageNames.Barcode, StorageNames.Provider)] IPersistentState<BarcodeState> state,
    ISkuBarcodeDirectory directory,
    TimeProvider clock) : Grain, IBarcodeGrain
{
    /// <summary>Far longer than a SKU takes to save its profile after claiming.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromMinutes(1);

    /// <summary>The <see cref="BarcodeState.IndexVersion"/> that has looked among the SKUs saved before the index.</summary>
    private const int CurrentIndex = 1;

    public async Task<string> Claim(string skuCode)
    {
        if (state.State.IndexVersion < CurrentIndex) await Backfill(skuCode);
        var holder = state.State.SkuCode;
        if (holder == skuCode) return skuCode;
        if (holder is not null && !await Abandoned(holder)) return holder;
        (state.State.SkuCode, state.State.ClaimedAt) = (skuCode, clock.GetUtcNow());
        await Write();
        return skuCode;
    }

    public async Task Release(string skuCode)
    {
        if (state.State.SkuCode != skuCode) return;
        state.State.SkuCode = null;
        await Write();
    }

    /// <summary>
    /// Gives an unheld barcode to the SKU saved before the index that carries it (the first by code, should old data
    /// hold two), unless the SKU asking now is one of them. Its claim starts now, so it stands at least as long as a fresh claim;
    /// after that <see cref="Abandoned"/> checks it against the SKU itself like any other.
    /// </summary>
    private async Task Backfill(string claimant)
    {
        if (state.State.SkuCode is null)
        {
            GrainKeys.TryParse(this.GetPrimaryKeyString(), out var tenantId, out _, out var barcode);
            var carriers = await directory.Carrying(tenantId, barcode);
            if (!carriers.Contains(claimant) && carriers.Count > 0) (state.State.SkuCode, state.State.ClaimedAt) = (carriers[0], clock.GetUtcNow());
        }
        state.State.IndexVersion = CurrentIndex;
        await Write();
    }

    private async Task<bool> Abandoned(string holder)
    {
        if (clock.GetUtcNow() - state.State.ClaimedAt < Settled) return false;
        GrainKeys.TryParse(this.GetPrimaryKeyString(), out var tenantId, out _, out var barcode);
        var sku = await GrainFactory.Sku(tenantId, holder).Get();
        return !string.Equals(sku?.Profile.Barcode, barcode, StringComparison.OrdinalIgnoreCase);
    }

    private async Task Write()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The write may or may not have landed: start again from storage rather than trust this memory.
            DeactivateOnIdle();
            throw;
        }
    }
}
