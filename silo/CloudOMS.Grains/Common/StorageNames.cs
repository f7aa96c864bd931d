namespace CloudOMS.Grains;

/// <summary>
/// Storage provider and state names. The state name is what storage records as the grain type,
/// so each grain class has its own and none may be renamed once data exists.
/// </summary>
public static class StorageNames
{
    public const string Provider = "oms";
    public const string Tenant = "tenant";
    public const string Warehouse = "warehouse";
    public const string Sku = "sku";
    public const string Order = "order";
    public const string ChannelOrder = "channel-order";
    public const string IdempotencyKey = "idempotency-key";
    public const string Barcode = "barcode";
}
