namespace CloudOMS.Grains;

/// <summary>
/// One barcode of one company and the SKU that carries it: the index that keeps barcodes unique per company even
/// when two SKUs are saved with the same barcode at the same moment (the read model would let both pass).
/// </summary>
public interface IBarcodeGrain : IGrainWithStringKey
{
    /// <summary>Takes the barcode for <paramref name="skuCode"/> unless another SKU holds it; returns the SKU code that holds it now.</summary>
    Task<string> Claim(string skuCode);

    /// <summary>Gives the barcode up when <paramref name="skuCode"/> holds it (the SKU now carries another or none).</summary>
    Task Release(string skuCode);
}

public sealed class BarcodeState
{
    public string? SkuCode { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>
    /// Which SKUs the holder was looked up among: 0 (no record, or written before the look-up existed) knows only the
    /// claims made through the index; 1 also saw the SKUs saved before the index.
    /// </summary>
    public int IndexVersion { get; set; }
}
