namespace CloudOMS.WebPortal.Testing;

// What a client sees on the wire. Written here rather than borrowed from the portal so the tests
// check the JSON itself: enums arrive as strings and computed values (available) come from the server.

public sealed record CustomerBody(string? Name, string? Phone, string? Province, string? City, string? Address);

public sealed record LineBody(string? SkuCode, int Quantity, decimal UnitPrice, decimal Discount = 0);

public sealed record OrderBody(
    string? Channel,
    string? ExternalOrderNo,
    CustomerBody? Customer,
    IReadOnlyList<LineBody>? Lines,
    decimal ShippingFee = 0,
    string? Note = null,
    bool Draft = false,
    decimal Discount = 0);

public sealed record OrderView(
    string OrderId,
    string Status,
    string StatusText,
    string PaymentStatus,
    string Channel,
    string? ExternalOrderNo,
    CustomerBody Customer,
    IReadOnlyList<OrderLineView> Lines,
    decimal GoodsAmount,
    decimal ShippingFee,
    decimal Total,
    decimal Paid,
    string Currency,
    string? Note,
    string? Warehouse,
    string StockHold,
    ShipmentView? Shipment,
    IReadOnlyList<PaymentView> Payments,
    IReadOnlyList<TimelineView> Timeline,
    DateTimeOffset CreatedAt);

public sealed record OrderLineView(int LineNo, string SkuCode, string SkuName, int Quantity, decimal UnitPrice, decimal Discount, decimal Amount);

public sealed record ShipmentView(string Carrier, string TrackingNo, DateTimeOffset ShippedAt);

public sealed record PaymentView(decimal Amount, string Method, string? Reference, string Actor);

public sealed record TimelineView(DateTimeOffset At, string Event, string Actor, string? Detail);

public sealed record OrderSummaryView(
    string OrderId, string Status, string PaymentStatus, string Channel, string? ExternalOrderNo, string CustomerName,
    string Phone, string? Warehouse, string? Carrier, string? TrackingNo, decimal Total, decimal Paid, int ItemCount, DateTimeOffset CreatedAt);

public sealed record PageView<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

public sealed record SkuBody(string? Code, string? Name, string? Barcode, string? Unit, decimal Price, decimal WeightKg, int SafetyStock);

public sealed record SkuProfileView(string Code, string Name, string? Barcode, string Unit, decimal Price, decimal WeightKg, int SafetyStock);

/// <summary>A row of the SKU list (read model).</summary>
public sealed record SkuRowView(string Code, string Name, string? Barcode, string Unit, decimal Price, decimal WeightKg, int SafetyStock, bool Active);

public sealed record SkuView(SkuProfileView Profile, IReadOnlyList<StockLevelView> Levels, bool Active = true);

public sealed record NewApiClientView(string ClientId, string ClientSecret, string Name, IReadOnlyList<string> Permissions);

public sealed record StockLevelView(string Warehouse, int OnHand, int Reserved, int Available, int SafetyStock);

public sealed record StockMoveBody(string? SkuCode, string? Warehouse, int Quantity, string? Reason = null, string? ToWarehouse = null, string? OperationId = null);

public sealed record StockRowView(string SkuCode, string WarehouseCode, int OnHand, int Reserved, int Available, int SafetyStock);

public sealed record StockMovementView(
    string OperationId, string SkuCode, string WarehouseCode, string? ToWarehouseCode, string Kind, int Quantity, string? Reason, string? Actor, DateTimeOffset At,
    string? OrderId = null, int OnHandChange = 0, int ReservedChange = 0);

public sealed record StockDriftView(string SkuCode, string Warehouse, int Reserved, int Expected);

public sealed record StockAuditView(string TenantId, DateTimeOffset At, int SkusChecked, int OrdersHoldingStock, IReadOnlyList<StockDriftView>? Drift, bool Clean);

public sealed record WarehouseBody(string? Code, string? Name, string? Province, string? City, string? Address, int Priority);

public sealed record WarehouseView(string Code, string Name, string Province, string City, string Address, int Priority, bool Active);

/// <summary>RFC 7807 problem with the field errors and, for short stock, the SKUs that are short.</summary>
public sealed record ProblemView(int? Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors, IReadOnlyList<string>? Skus, string? Code = null);

public sealed record RoleView(string Id, string TenantId, string Name, IReadOnlyList<string> Permissions, IReadOnlyList<string> Warehouses);
