using CloudOMS.Billing.Plans;

namespace CloudOMS.Billing.Providers;

/// <summary>
/// What CloudOMS writes onto Stripe objects (metadata, price keys) so the webhooks can tell which tenant and
/// which plan an event is about.
/// </summary>
public static class StripeMetadata
{
    public const string Tenant = "tenant";
    public const string Plan = "plan";
    public const string Cycle = "cycle";

    public static Dictionary<string, string> Purchase(string tenantId, string plan, BillingCycle cycle) =>
        new() { [Tenant] = tenantId, [Plan] = plan, [Cycle] = cycle.ToString() };

    /// <summary>The key of <see cref="StripeOptions.Prices"/>: "pro:Monthly".</summary>
    public static string PriceKey(string plan, BillingCycle cycle) => $"{plan}:{cycle}";

    /// <summary>The plan and cycle a Stripe price id stands for, or null for a price not in the map.</summary>
    public static (string Plan, BillingCycle Cycle)? PlanOf(StripeOptions options, string? priceId)
    {
        if (priceId is null) return null;
        foreach (var (key, price) in options.Prices)
        {
            if (price != priceId) continue;
            var parts = key.Split(':');
            if (parts.Length == 2 && Enum.TryParse<BillingCycle>(parts[1], ignoreCase: true, out var cycle)) return (parts[0], cycle);
        }
        return null;
    }

    public static BillingCycle? CycleOf(string? text) =>
        Enum.TryParse<BillingCycle>(text, ignoreCase: true, out var cycle) && Enum.IsDefined(cycle) ? cycle : null;
}
