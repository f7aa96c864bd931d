using System.Globalization;

namespace CloudOMS.Grains;

/// <summary>
/// The tenant's side of billing: the entitlement billing published, the usage counters it is checked against,
/// and the per-minute API allowance. Counters are kept as work happens, never by counting rows.
/// </summary>
public static class TenantQuotas
{

    /// <summary>Keeps <paramref name="entitlement"/> if it is newer than the one held; false when it was stale.</summary>
    public static bool Apply(TenantState state, Entitlement entitlement)
    {
        if (state.Entitlement is { } held && held.Version >= entitlement.Version) return false;
        state.Entitlement = entitlement;
        return true;
    }

    /// <summary>Refuses a change while the tenant is read-only or suspended.</summary>
    public static void EnsureWritable(Entitlement? entitlement)
    {
        switch (entitlement?.Access)
        {
            case TenantAccess.ReadOnly:
                throw new CommandException(FailureKind.PaymentRequired,
                    Msg.Of("TenantQuotas.AccountReadOnlyUntilOverdueInvoice"));
            case TenantAccess.Suspended:
                throw new CommandException(FailureKind.Suspended,
                    Msg.Of("TenantQuotas.CompanySuspendedPlatformOperatorPleaseContact"));
        }
    }

    /// <summary>Takes one unit of <paramref name="kind"/>, refusing when the plan's quota is used up.</summary>
    public static void Take(TenantState state, UsageKind kind, DateTimeOffset now)
    {
        Check(state, kind, now);
        RollMonth(state, now);
        switch (kind)
        {
            case UsageKind.Orders: state.OrdersThisMonth++; break;
            case UsageKind.Users: state.Users++; break;
            case UsageKind.Skus: state.Skus++; break;
            // Warehouses are counted by the directory the tenant keeps of them.
        }
    }

    /// <summary>
    /// Takes up to <paramref name="wanted"/> orders at once for a block of order numbers (at least one, refusing as
    /// <see cref="Take"/> would); never past the plan's quota, so a block skipped after a crash cannot exceed it.
    /// </summary>
    public static int TakeBlock(TenantState state, int wanted, DateTimeOffset now)
    {
        Check(state, UsageKind.Orders, now);
        RollMonth(state, now);
        var size = state.Entitlement?.Quotas.Limit(UsageKind.Orders) is { } max ? Math.Min(wanted, max - state.OrdersThisMonth) : wanted;
        state.OrdersThisMonth += size;
        return size;
    }

    /// <summary>Refuses as <see cref="Take"/> would, without taking anything; <paramref name="unusedOrders"/> are counted but not yet taken.</summary>
    public static void Check(TenantState state, UsageKind kind, DateTimeOffset now, int unusedOrders = 0)
    {
        EnsureWritable(state.Entitlement);
        if (state.Entitlement?.Quotas.Limit(kind) is { } max && Usage(state, now, unusedOrders).Of(kind) >= max)
            throw CommandException.Quota(kind, QuotaMessage(kind, max));
    }

    /// <summary>Gives back a unit taken for work that did not happen, or for something removed.</summary>
    public static void Return(TenantState state, UsageKind kind)
    {
        switch (kind)
        {
            case UsageKind.Orders: state.OrdersThisMonth = Math.Max(0, state.OrdersThisMonth - 1); break;
            case UsageKind.Users: state.Users = Math.Max(0, state.Users - 1); break;
            case UsageKind.Skus: state.Skus = Math.Max(0, state.Skus - 1); break;
        }
    }

    /// <summary>Sets a kept counter (users, SKUs) to a recounted value; false for what is not kept as a counter.</summary>
    public static bool Correct(TenantState state, UsageKind kind, int actual)
    {
        switch (kind)
        {
            case UsageKind.Users: state.Users = actual; return true;
            case UsageKind.Skus: state.Skus = actual; return true;
            default: return false;
        }
    }

    /// <summary>The usage to show and check; <paramref name="unusedOrders"/> (a block's unused order numbers) are counted in the state but not taken.</summary>
    public static TenantUsage Usage(TenantState state, DateTimeOffset now, int unusedOrders = 0)
    {
        var month = Month(now);
        return new TenantUsage(month, state.UsageMonth == month ? Math.Max(0, state.OrdersThisMonth - unusedOrders) : 0, state.Users, state.Warehouses.Count, state.Skus);
    }

    /// <summary>The China calendar month, e.g. "2026-11": monthly order quotas restart at midnight Beijing time.</summary>
    public static string Month(DateTimeOffset now) => ChinaTime.Format(now, "yyyy-MM");

    private static void RollMonth(TenantState state, DateTimeOffset now)
    {
        var month = Month(now);
        if (state.UsageMonth == month) return;
        state.UsageMonth = month;
        state.OrdersThisMonth = 0;
    }

    private static Text QuotaMessage(UsageKind kind, int max) => Msg.Of($"TenantQuotas.{kind}Limit", max);
}
