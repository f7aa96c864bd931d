namespace CloudOMS.Grains;

public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant once; a second call with the same profile is a no-op.</summary>
    Task<TenantProfile> Create(TenantProfile profile);

    Task<TenantProfile?> GetProfile();

    /// <summary>Replaces the company's name and invoice details (validated again here); plan and creation stay.</summary>
    Task<TenantProfile> UpdateDetails(CompanyDetails details);

    /// <summary>Next order number of the day, e.g. SO20261125-0042.</summary>
    Task<string> NextOrderId();

    Task<IReadOnlyList<WarehouseRef>> GetWarehouses();

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
}
