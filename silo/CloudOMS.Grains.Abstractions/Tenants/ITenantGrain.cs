namespace CloudOMS.Grains;

public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant once; a second call with the same profile is a no-op.</summary>
    Task<TenantProfile> Create(TenantProfile profile);

    Task<TenantProfile?> GetProfile();

    /// <summary>Replaces the company's name and invoice details (validated again here); plan and creation stay.</summary>
    Task<TenantProfile> UpdateDetails(CompanyDetails details);

    /// <summary>
    /// Next order number of the day, e.g. SO20261125-0042. Counts the order against the month's quota, so it is
    /// refused (quota exceeded, read-only, suspended) before any order is made.
    /// </summary>
    Task<string> NextOrderId();

    /// <summary>Keeps billing's entitlement unless a newer one is already held; false when it was stale.</summary>
    Task<bool> ApplyEntitlement(Entitlement entitlement);

    /// <summary>The entitlement and the usage counted against it.</summary>
    Task<TenantBilling> GetBilling();

    /// <summary>Refuses (read-only or suspended) a call that would create or change the tenant's data.</summary>
    Task EnsureWritable();

    /// <summary>Counts one more user or SKU, refused when the plan's quota is used up (orders and warehouses count themselves).</summary>
    Task TakeUsage(UsageKind kind);

    /// <summary>Refuses as <see cref="TakeUsage"/> would (quota used up, read-only, suspended) without counting.</summary>
    Task CheckUsage(UsageKind kind);

    /// <summary>Gives back a unit of usage: a user deactivated, or a SKU whose creation was refused after counting.</summary>
    Task ReturnUsage(UsageKind kind);

    /// <summary>Sets a counter to the value recounted from the records (at start-up, for tenants counted before).</summary>
    Task CorrectUsage(UsageKind kind, int actual);

    /// <summary>Grants up to <paramref name="wanted"/> API requests from the current minute's quota.</summary>
    Task<ApiAllowance> TakeApiCalls(int wanted);

    Task<IReadOnlyList<WarehouseRef>> GetWarehouses();

    /// <summary>How the company reviews new orders (自动审核 off unless an admin switched it on).</summary>
    Task<OrderReviewSettings> GetOrderReview();

    /// <summary>Replaces the company's review settings; refused when the company is read-only.</summary>
    Task<OrderReviewSettings> SetOrderReview(OrderReviewSettings settings);

    /// <summary>Adds or updates a warehouse in the tenant's directory used for allocation.</summary>
    Task RegisterWarehouse(WarehouseRef warehouse, bool isNew);
}

/// <summary>The company: its name and the details a Chinese invoice (发票) carries for it.</summary>
[GenerateSerializer, Immutable, Alias("cloudoms.TenantProfile")]
public sealed record TenantProfile(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Plan,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string? TaxId = null,
    [property: Id(5)] string? ContactName = null,
    [property: Id(6)] string? Phone = null,
    [property: Id(7)] string? Address = null,
    [property: Id(8)] string? BankName = null,
    [property: Id(9)] string? BankAccount = null);

/// <summary>What a tenant admin edits on the company profile.</summary>
/// <param name="TaxId">统一社会信用代码 (unified social credit code), the taxpayer id on invoices.</param>
[GenerateSerializer, Immutable, Alias("cloudoms.CompanyDetails")]
public sealed record CompanyDetails(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? TaxId,
    [property: Id(2)] string? ContactName,
    [property: Id(3)] string? Phone,
    [property: Id(4)] string? Address,
    [property: Id(5)] string? BankName,
    [property: Id(6)] string? BankAccount);

/// <summary>What allocation needs to know about a warehouse.</summary>
[GenerateSerializer, Immutable, Alias("cloudoms.WarehouseRef")]
public sealed record WarehouseRef(
    [property: Id(0)] string Code,
    [property: Id(1)] int Priority,
    [property: Id(2)] bool Active);

public sealed class TenantState
{
    public TenantProfile? Profile { get; set; }
    public string OrderDay { get; set; } = "";
    public int OrderSequence { get; set; }
    public List<WarehouseRef> Warehouses { get; set; } = [];
    public Entitlement? Entitlement { get; set; }
    public string UsageMonth { get; set; } = "";
    public int OrdersThisMonth { get; set; }
    public int Users { get; set; }
    public int Skus { get; set; }
    public OrderReviewSettings? OrderReview { get; set; }
}
