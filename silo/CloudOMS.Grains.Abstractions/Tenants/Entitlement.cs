namespace CloudOMS.Grains;

/// <summary>What a plan allows; null means no limit.</summary>
[GenerateSerializer, Immutable, Alias("cloudoms.PlanQuotas")]
public sealed record PlanQuotas(
    [property: Id(0)] int? OrdersPerMonth,
    [property: Id(1)] int? Users,
    [property: Id(2)] int? Warehouses,
    [property: Id(3)] int? Skus,
    [property: Id(4)] int? ApiRequestsPerMinute)
{
    public static readonly PlanQuotas Unlimited = new(null, null, null, null, null);

    public int? Limit(UsageKind kind) => kind switch
    {
        UsageKind.Orders => OrdersPerMonth,
        UsageKind.Users => Users,
        UsageKind.Warehouses => Warehouses,
        _ => Skus,
    };
}

/// <summary>How far a tenant may use CloudOMS: fully, read-only (unpaid past the grace period) or not at all (suspended).</summary>
public enum TenantAccess
{
    Full,
    ReadOnly,
    Suspended,
}

/// <summary>
/// What billing grants a tenant now: its plan's quotas and its access. Billing publishes a new one with a
/// higher <see cref="Version"/> on every change; a tenant grain keeps the highest it has seen, so a late or
/// repeated publication never rolls a newer one back.
/// </summary>
[GenerateSerializer, Immutable, Alias("cloudoms.Entitlement")]
public sealed record Entitlement(
    [property: Id(0)] string Plan,
    [property: Id(1)] PlanQuotas Quotas,
    [property: Id(2)] TenantAccess Access,
    [property: Id(3)] long Version);

/// <summary>The counted resources a plan limits (API requests are limited per minute instead).</summary>
public enum UsageKind
{
    Orders,
    Users,
    Warehouses,
    Skus,
}

/// <summary>A tenant's usage as its grain counts it: orders this month (China calendar), and what it holds now.</summary>
[GenerateSerializer, Immutable, Alias("cloudoms.TenantUsage")]
public sealed record TenantUsage(
    [property: Id(0)] string Month,
    [property: Id(1)] int OrdersThisMonth,
    [property: Id(2)] int Users,
    [property: Id(3)] int Warehouses,
    [property: Id(4)] int Skus)
{
    public int Of(UsageKind kind) => kind switch
    {
        UsageKind.Orders => OrdersThisMonth,
        UsageKind.Users => Users,
        UsageKind.Warehouses => Warehouses,
        _ => Skus,
    };
}

/// <summary>A tenant's entitlement (null before billing published one: no limits) and usage.</summary>
[GenerateSerializer, Immutable, Alias("cloudoms.TenantBilling")]
public sealed record TenantBilling(
    [property: Id(0)] Entitlement? Entitlement,
    [property: Id(1)] TenantUsage Usage);

/// <summary>
/// API requests a portal instance may serve for a tenant in the current minute: <see cref="Granted"/> of the
/// ones it asked for (0 when the minute's quota is spent), until <see cref="WindowEnds"/>. A null
/// <see cref="Limit"/> means the plan sets no rate: the instance need not ask again.
/// </summary>
[GenerateSerializer, Immutable, Alias("cloudoms.ApiAllowance")]
public sealed record ApiAllowance(
    [property: Id(0)] int Granted,
    [property: Id(1)] DateTimeOffset WindowEnds,
    [property: Id(2)] int? Limit);

/// <summary>
/// Marks a grain method that creates or changes a tenant's data. Such a call is refused while the tenant is
/// read-only (unpaid) or suspended; reads, exports and paying are never refused.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TenantWriteAttribute : Attribute;
