namespace CloudOMS.Grains;

/// <summary>
/// Builds every grain key. Keys are tenant-first strings with a non-hex prefix so that no grain
/// can be addressed without its tenant and no key is ever parsed as an integer by storage.
/// </summary>
public static class GrainKeys
{
    public static string Tenant(string tenantId) => $"t:{Check(tenantId)}";

    public static string Warehouse(string tenantId, string code) => $"t:{Check(tenantId)}/wh:{code}";

    public static string Sku(string tenantId, string code) => $"t:{Check(tenantId)}/sku:{code}";

    public static string Order(string tenantId, string orderId) => $"t:{Check(tenantId)}/order:{orderId}";

    public static string ChannelOrder(string tenantId, string channel, string externalOrderNo) =>
        $"t:{Check(tenantId)}/ext:{channel}:{externalOrderNo}";

    /// <summary>Barcodes are letters and digits; upper-cased so "6901a" and "6901A" are one barcode.</summary>
    public static string Barcode(string tenantId, string barcode) => $"t:{Check(tenantId)}/barcode:{barcode.ToUpperInvariant()}";

    public static string IdempotencyKey(string tenantId, string key) => $"t:{Check(tenantId)}/idem:{key}";

    /// <summary>Splits a key built above into its tenant, kind and id.</summary>
    public static bool TryParse(string key, out string tenantId, out string kind, out string id)
    {
        tenantId = kind = id = "";
        if (!key.StartsWith("t:", StringComparison.Ordinal)) return false;
        var slash = key.IndexOf('/', 2);
        if (slash < 0)
        {
            tenantId = key[2..];
            kind = "tenant";
            id = tenantId;
            return tenantId.Length > 0;
        }
        tenantId = key[2..slash];
        var colon = key.IndexOf(':', slash + 1);
        if (colon < 0) return false;
        kind = key[(slash + 1)..colon];
        id = key[(colon + 1)..];
        return tenantId.Length > 0 && id.Length > 0;
    }

    /// <summary>The id part of a key (the SKU code, order id, ...), for messages.</summary>
    public static string TryParseId(string key) => TryParse(key, out _, out _, out var id) ? id : key;

    /// <summary>The tenant a key belongs to.</summary>
    public static string TenantIdOf(string key) =>
        TryParse(key, out var tenantId, out _, out _) ? tenantId : throw new ArgumentException($"Not a CloudOMS grain key: {key}", nameof(key));

    private static string Check(string tenantId) =>
        string.IsNullOrWhiteSpace(tenantId) || tenantId.Contains('/')
            ? throw new ArgumentException("A grain key needs a tenant id without '/'.", nameof(tenantId))
            : tenantId;
}
