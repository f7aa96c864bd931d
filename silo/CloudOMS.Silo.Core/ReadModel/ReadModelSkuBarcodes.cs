using CloudOMS.Grains;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Silo.ReadModel;

/// <summary>Finds the SKUs that carry a barcode in the read model, which lists every SKU of every company.</summary>
public sealed class ReadModelSkuBarcodes(IDbContextFactory<ReadModelDbContext> dbFactory) : ISkuBarcodeDirectory
{
    public async Task<IReadOnlyList<string>> Carrying(string tenantId, string barcode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TenantId = tenantId;
        var upper = barcode.ToUpperInvariant();
        return await db.Skus.Where(s => s.Barcode != null && s.Barcode.ToUpper() == upper)
            .OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(cancellationToken);
    }
}
