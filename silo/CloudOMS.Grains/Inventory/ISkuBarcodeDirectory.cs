namespace CloudOMS.Grains;

/// <summary>
/// The company's SKUs that carry a barcode, as saved so far (the read model). The barcode index asks it once, for
/// SKUs saved before the index existed, so a new SKU cannot take an old SKU's barcode.
/// </summary>
public interface ISkuBarcodeDirectory
{
    /// <summary>The codes of the tenant's SKUs whose barcode is <paramref name="barcode"/> (case-insensitive), in code order.</summary>
    Task<IReadOnlyList<string>> Carrying(string tenantId, string barcode, CancellationToken cancellationToken = default);
}
