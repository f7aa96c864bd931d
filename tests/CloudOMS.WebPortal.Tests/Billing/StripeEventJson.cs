using System.Text.Json;

namespace CloudOMS.WebPortal.Tests.Billing;

/// <summary>Webhook bodies shaped like Stripe's (API version of Stripe.net 53), with only the fields CloudOMS reads.</summary>
public static class StripeEventJson
{
    public static string NewId() => "evt_" + Guid.NewGuid().ToString("N");

    public static string CheckoutCompleted(string eventId, string tenant, string plan, string cycle, long amountFen, DateTimeOffset created) =>
        Event(eventId, "checkout.session.completed", created, new Dictionary<string, object?>
        {
            ["id"] = "cs_" + tenant, ["object"] = "checkout.session", ["mode"] = "subscription", ["status"] = "complete",
            ["client_reference_id"] = tenant, ["customer"] = FakeStripe.CustomerOf(tenant), ["subscription"] = FakeStripe.SubscriptionOf(tenant),
            ["invoice"] = "in_first_" + tenant, ["amount_total"] = amountFen, ["currency"] = "cny",
            ["metadata"] = new Dictionary<string, string> { ["tenant"] = tenant, ["plan"] = plan, ["cycle"] = cycle },
        });

    public static string SubscriptionUpdated(string eventId, string tenant, string price, string status, bool cancelAtPeriodEnd,
        DateTimeOffset periodStart, DateTimeOffset periodEnd, DateTimeOffset created) =>
        Event(eventId, "customer.subscription.updated", created, Subscription(tenant, price, status, cancelAtPeriodEnd, periodStart, periodEnd));

    public static string SubscriptionDeleted(string eventId, string tenant, string price, DateTimeOffset created) =>
        Event(eventId, "customer.subscription.deleted", created, Subscription(tenant, price, "canceled", false, created.AddMonths(-1), created));

    public static string Invoice(string eventId, string type, string tenant, string invoiceId, long amountFen, DateTimeOffset periodStart, DateTimeOffset periodEnd, DateTimeOffset created) =>
        Event(eventId, type, created, new Dictionary<string, object?>
        {
            ["id"] = invoiceId, ["object"] = "invoice", ["customer"] = FakeStripe.CustomerOf(tenant), ["currency"] = "cny",
            ["amount_due"] = amountFen, ["amount_paid"] = type == "invoice.paid" ? amountFen : 0, ["billing_reason"] = "subscription_cycle",
            ["period_start"] = periodStart.ToUnixTimeSeconds(), ["period_end"] = periodEnd.ToUnixTimeSeconds(),
            ["parent"] = new Dictionary<string, object?>
            {
                ["type"] = "subscription_details",
                ["subscription_details"] = new Dictionary<string, object?> { ["subscription"] = FakeStripe.SubscriptionOf(tenant), ["metadata"] = new Dictionary<string, string> { ["tenant"] = tenant } },
            },
            ["lines"] = new Dictionary<string, object?> { ["object"] = "list", ["data"] = Array.Empty<object>() },
        });

    private static Dictionary<string, object?> Subscription(string tenant, string price, string status, bool cancelAtPeriodEnd, DateTimeOffset periodStart, DateTimeOffset periodEnd) => new()
    {
        ["id"] = FakeStripe.SubscriptionOf(tenant), ["object"] = "subscription", ["customer"] = FakeStripe.CustomerOf(tenant),
        ["status"] = status, ["cancel_at_period_end"] = cancelAtPeriodEnd,
        ["metadata"] = new Dictionary<string, string> { ["tenant"] = tenant },
        ["items"] = new Dictionary<string, object?>
        {
            ["object"] = "list",
            ["data"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["id"] = "si_" + tenant, ["object"] = "subscription_item", ["price"] = new Dictionary<string, object?> { ["id"] = price, ["object"] = "price" },
                    ["current_period_start"] = periodStart.ToUnixTimeSeconds(), ["current_period_end"] = periodEnd.ToUnixTimeSeconds(),
                },
            },
        },
    };

    private static string Event(string id, string type, DateTimeOffset created, Dictionary<string, object?> data) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = id, ["object"] = "event", ["api_version"] = "2025-10-29.clover", ["created"] = created.ToUnixTimeSeconds(),
        ["livemode"] = false, ["type"] = type, ["data"] = new Dictionary<string, object?> { ["object"] = data },
    });
}
