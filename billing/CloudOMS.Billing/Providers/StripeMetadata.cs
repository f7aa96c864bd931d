using CloudOMS.Billing.Plans;

namespace CloudOMS.Billing.Providers;

/// <summary>
/// What CloudOMS writes onto Stripe objects' metadata so the webhooks can tell which tenant and
/// which plan an event is about.
/// </summary>
public static class StripeMetadata
{
    public const string Tenant = "tenant";
    public const string Plan = "plan";
    public const string Cycle = "cycle";

    public static Dictionary<string, string> Purchase(string tenantId, string plan, BillingCycle cycle) =>
        new() { [Tenant] = tenantId, [Plan] = plan, [Cycle] = cycle.ToString() };

    public static BillingCycle? CycleOf(string? text) =>
        Enum.TryParse<BillingCycle>(text, ignoreCase: true, out var cycle) && Enum.IsDefined(cycle) ? cycle : null;
}
