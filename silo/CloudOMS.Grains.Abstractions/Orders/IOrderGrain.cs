namespace CloudOMS.Grains;

public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Creates the order; a repeat with the same id returns the existing order.</summary>
    [TenantWrite]
    Task<OrderSnapshot> Create(NewOrder order);

    Task<OrderSnapshot?> Get();

    /// <summary>
    /// Creates the order and, when the company's 自动审核 is on, approves it in the same call (the approval saga);
    /// a repeat creates and reserves nothing and answers with the order and how its review stands.
    /// </summary>
    [TenantWrite]
    Task<IntakeAnswer> Intake(NewOrder order);

    [TenantWrite]
    Task<OrderSnapshot> Submit(string actor);

    /// <summary>Reserves every line in one warehouse (highest priority that has stock) or refuses with the short SKUs.</summary>
    [TenantWrite]
    Task<OrderSnapshot> Approve(string actor);

    [TenantWrite]
    Task<OrderSnapshot> Hold(string actor, string reason);

    [TenantWrite]
    Task<OrderSnapshot> ReleaseHold(string actor);

    [TenantWrite]
    Task<OrderSnapshot> Cancel(string actor, string reason);

    [TenantWrite]
    Task<OrderSnapshot> StartPicking(string actor);

    [TenantWrite]
    Task<OrderSnapshot> Ship(string actor, string carrier, string trackingNo);

    [TenantWrite]
    Task<OrderSnapshot> MarkDelivered(string actor);

    [TenantWrite]
    Task<OrderSnapshot> Complete(string actor);

    [TenantWrite]
    Task<OrderSnapshot> RecordPayment(string actor, PaymentInput payment);

    /// <summary>Finishes or compensates a stock step interrupted by a crash. True when nothing is left pending.</summary>
    Task<bool> ResumeSaga();
}

[GenerateSerializer, Immutable, Alias("cloudoms.NewOrder")]
public sealed record NewOrder(
    [property: Id(0)] string Channel,
    [property: Id(1)] string? ExternalOrderNo,
    [property: Id(2)] OrderCustomer Customer,
    [property: Id(3)] IReadOnlyList<NewOrderLine> Lines,
    [property: Id(4)] decimal ShippingFee,
    [property: Id(5)] string? Note,
    [property: Id(6)] bool Draft,
    [property: Id(7)] string Actor);

[GenerateSerializer, Immutable, Alias("cloudoms.NewOrderLine")]
public sealed record NewOrderLine(
    [property: Id(0)] string SkuCode,
    [property: Id(1)] int Quantity,
    [property: Id(2)] decimal UnitPrice,
    [property: Id(3)] decimal Discount);

[GenerateSerializer, Immutable, Alias("cloudoms.PaymentInput")]
public sealed record PaymentInput(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] string Method,
    [property: Id(2)] string? Reference);

/// <summary>The order id a create is bound to, and whether this call took it (a replay gets the bound one).</summary>
[GenerateSerializer, Immutable, Alias("cloudoms.OrderBinding")]
public sealed record OrderBinding([property: Id(0)] string OrderId, [property: Id(1)] bool Fresh);

/// <summary>Maps a channel's own order number to our order id, so a channel order is imported once.</summary>
public interface IChannelOrderIndexGrain : IGrainWithStringKey
{
    /// <summary>
    /// The order id bound to this channel order; the first call takes the tenant's next order number (and a unit of
    /// its order quota) and binds it, a replay takes nothing.
    /// </summary>
    Task<OrderBinding> Bind();
}

public sealed class ChannelOrderIndexState
{
    public string? OrderId { get; set; }
}
