namespace CloudOMS.Grains;

/// <summary>
/// Holds one barcode for one SKU of a company. Not reentrant: two SKUs claiming the same barcode at once queue here
/// and the second finds the first one's claim. A claim is taken before the SKU saves its profile, so a claim can
/// outlive a save that failed; once it has settled, a claim whose SKU does not carry the barcode is given to the
/// next SKU that asks.
/// </summary>
public sealed class BarcodeGrain(
    [PersistentState(StorageNames.Barcode, StorageNames.Provider)] IPersistentState<BarcodeState> state,
    TimeProvider clock) : Grain, IBarcodeGrain
{
    /// <summary>Far longer than a SKU takes to save its profile after claiming.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromMinutes(1);

    public async Task<string> Claim(string skuCode)
    {
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
