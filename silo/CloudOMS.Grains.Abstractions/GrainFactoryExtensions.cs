namespace CloudOMS.Grains;

/// <summary>The one way code reaches a tenant's grains: always through <see cref="GrainKeys"/>.</summary>
public static class GrainFactoryExtensions
{
    public static ITenantGrain Tenant(this IGrainFactory grains, string tenantId) =>
        grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenantId));

    public static IWarehouseGrain Warehouse(this IGrainFactory grains, string tenantId, string code) =>
        grains.GetGrain<IWarehouseGrain>(GrainKeys.Warehouse(tenantId, code));

    public static ISkuInventoryGrain Sku(this IGrainFactory grains, string tenantId, string code) =>
        grains.GetGrain<ISkuInventoryGrain>(GrainKeys.Sku(tenantId, code));

    public static IOrderGrain Order(this IGrainFactory grains, string tenantId, string orderId) =>
        grains.GetGrain<IOrderGrain>(GrainKeys.Order(tenantId, orderId));

    public static IChannelOrderIndexGrain ChannelOrder(this IGrainFactory grains, string tenantId, string channel, string externalOrderNo) =>
        grains.GetGrain<IChannelOrderIndexGrain>(GrainKeys.ChannelOrder(tenantId, channel, externalOrderNo));

    public static IBarcodeGrain Barcode(this IGrainFactory grains, string tenantId, string barcode) =>
        grains.GetGrain<IBarcodeGrain>(GrainKeys.Barcode(tenantId, barcode));

    public static IIdempotencyKeyGrain IdempotencyKey(this IGrainFactory grains, string tenantId, string key) =>
        grains.GetGrain<IIdempotencyKeyGrain>(GrainKeys.IdempotencyKey(tenantId, key));
}
