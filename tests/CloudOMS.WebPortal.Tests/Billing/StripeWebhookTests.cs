using CloudOMS.Billing.Api;
using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Tests.Billing;

/// <summary>Stripe's webhooks drive the subscription: signed, applied once, in Stripe's order whatever the delivery order.</summary>
[Collection(StripeCollection.Name)]
public sealed class StripeWebhookTests(StripePortal stripe)
{
    [Fact]
    public async Task Checkout_completed_starts_the_plan_bought_and_the_tenant_grain_enforces_its_quotas()
    {
        var tenant = await stripe.SignUp();
        Assert.Equal("pro", (await stripe.Grain(tenant)).Entitlement?.Plan);

        await stripe.Delivered(StripeEventJson.CheckoutCompleted(StripeEventJson.NewId(), tenant.Id, "starter", "Monthly", 19900, DateTimeOffset.UtcNow));

        var billing = await StripePortal.Billing(tenant);
        Assert.Equal(("starter", "Active", "Stripe"), (billing.Plan.Code, billing.Status, billing.Provider));
        Assert.True(billing.PeriodEnd > DateTimeOffset.UtcNow.AddDays(27), $"period ends {billing.PeriodEnd}");
        var entitlement = (await stripe.Grain(tenant)).Entitlement;
        Assert.Equal("starter", entitlement?.Plan);
        Assert.Equal((2, 5, 2000), (entitlement!.Quotas.Warehouses, entitlement.Quotas.Users, entitlement.Quotas.OrdersPerMonth));
        var invoice = Assert.Single(await StripePortal.Invoices(tenant));
        Assert.Equal(("Paid", "Purchase", 199m, "CNY", "Stripe"), (invoice.Status, invoice.Kind, invoice.Amount, invoice.Currency, invoice.Method));
    }

    [Fact]
    public async Task A_replayed_event_is_applied_once_even_when_deliveries_race()
    {
        var tenant = await stripe.SignUp();
        var checkout = StripeEventJson.CheckoutCompleted(StripeEventJson.NewId(), tenant.Id, "starter", "Monthly", 19900, DateTimeOffset.UtcNow);
        await stripe.Delivered(checkout);
        var version = (await stripe.Grain(tenant)).Entitlement!.Version;

        await stripe.Delivered(checkout);
        var failed = StripeEventJson.Invoice(StripeEventJson.NewId(), "invoice.payment_failed", tenant.Id, "in_renewal_" + tenant.Id, 19900,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMonths(1), DateTimeOffset.UtcNow);
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => stripe.Deliver(failed)));

        Assert.All(racing, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var invoices = await StripePortal.Invoices(tenant);
        Assert.Equal(["Purchase", "Renewal"], invoices.Select(i => i.Kind).Order());
        // The replayed checkout changed nothing; the payment failure, delivered four times at once, changed it once.
        Assert.Equal(version + 1, (await stripe.Grain(tenant)).Entitlement!.Version);
    }

    [Fact]
    public async Task A_bad_or_missing_signature_is_refused_with_400_and_changes_nothing()
    {
        var tenant = await stripe.SignUp();
        var checkout = StripeEventJson.CheckoutCompleted(StripeEventJson.NewId(), tenant.Id, "enterprise", "Monthly", 199900, DateTimeOffset.UtcNow);

        await OmsClient.Problem(await stripe.Deliver(checkout, "whsec_someone_else"), HttpStatusCode.BadRequest);
        await OmsClient.Problem(await stripe.Deliver(checkout, secret: null), HttpStatusCode.BadRequest);
        await OmsClient.Problem(await stripe.Deliver(checkout + " ", StripePortal.WebhookSecret + "x"), HttpStatusCode.BadRequest);

        var billing = await StripePortal.Billing(tenant);
        Assert.Equal(("pro", "Trialing"), (billing.Plan.Code, billing.Status));
        Assert.Empty(await StripePortal.Invoices(tenant));
        // Refused deliveries are not recorded: the genuine one, signed, still applies.
        await stripe.Delivered(checkout);
        Assert.Equal("enterprise", (await StripePortal.Billing(tenant)).Plan.Code);
    }

    [Fact]
    public async Task An_older_subscription_update_arriving_late_does_not_roll_the_newer_state_back()
    {
        var tenant = await stripe.SignUp();
        var now = DateTimeOffset.UtcNow;
        await stripe.Delivered(StripeEventJson.CheckoutCompleted(StripeEventJson.NewId(), tenant.Id, "starter", "Monthly", 19900, now));
        var (start, end) = (now.AddMinutes(-1), now.AddMonths(1));

        await stripe.Delivered(StripeEventJson.SubscriptionUpdated(StripeEventJson.NewId(), tenant.Id, StripePortal.EnterprisePrice, "active", true, start, end, now.AddSeconds(20)));
        await stripe.Delivered(StripeEventJson.SubscriptionUpdated(StripeEventJson.NewId(), tenant.Id, StripePortal.ProPrice, "past_due", false, start, end, now.AddSeconds(10)));

        var billing = await StripePortal.Billing(tenant);
        Assert.Equal(("enterprise", "Active", true), (billing.Plan.Code, billing.Status, billing.CancelAtPeriodEnd));
        Assert.Equal(end.ToUnixTimeSeconds(), billing.PeriodEnd?.ToUnixTimeSeconds());
        Assert.Equal("enterprise", (await stripe.Grain(tenant)).Entitlement?.Plan);
    }

    [Fact]
    public async Task A_failed_payment_makes_the_tenant_past_due_and_the_paid_invoice_ends_it()
    {
        var tenant = await stripe.SignUp();
        var now = DateTimeOffset.UtcNow;
        await stripe.Delivered(StripeEventJson.CheckoutCompleted(StripeEventJson.NewId(), tenant.Id, "pro", "Monthly", 59900, now));
        var renewal = "in_renewal_" + tenant.Id;

        await stripe.Delivered(StripeEventJson.Invoice(StripeEventJson.NewId(), "invoice.payment_failed", tenant.Id, renewal, 59900, now, now.AddMonths(1), now));

        var pastDue = await StripePortal.Billing(tenant);
        Assert.Equal(("PastDue", "Full"), (pastDue.Status, pastDue.Access));
        Assert.True(pastDue.ReadOnlyFrom > now.AddDays(6), $"read-only from {pastDue.ReadOnlyFrom}");
        Assert.Equal(599m, Assert.Single(pastDue.OpenInvoices).Amount);
        Assert.Equal(TenantAccess.Full, (await stripe.Grain(tenant)).Entitlement?.Access);

        await stripe.Delivered(StripeEventJson.Invoice(StripeEventJson.NewId(), "invoice.paid", tenant.Id, renewal, 59900, now, now.AddMonths(1), now));

        var paid = await StripePortal.Billing(tenant);
        Assert.Equal(("Active", null), (paid.Status, paid.ReadOnlyFrom));
        Assert.Empty(paid.OpenInvoices);
        Assert.All(await StripePortal.Invoices(tenant), i => Assert.Equal("Paid", i.Status));
    }

    [Fact]
    public async Task A_deleted_subscription_returns_the_tenant_to_the_free_plan()
    {
        var tenant = await stripe.SignUp();
        var now = DateTimeOffset.UtcNow;
        await stripe.Delivered(StripeEventJson.CheckoutCompleted(StripeEventJson.NewId(), tenant.Id, "starter", "Monthly", 19900, now));

        await stripe.Delivered(StripeEventJson.SubscriptionDeleted(StripeEventJson.NewId(), tenant.Id, StripePortal.StarterPrice, now.AddSeconds(5)));

        var billing = await StripePortal.Billing(tenant);
        Assert.Equal(("free", "Active", null), (billing.Plan.Code, billing.Status, billing.PeriodEnd));
        Assert.Equal("free", (await stripe.Grain(tenant)).Entitlement?.Plan);
    }

    [Fact]
    public async Task An_event_of_a_type_not_handled_is_acknowledged()
    {
        var payload = $$$"""{"id":"{{{StripeEventJson.NewId()}}}","object":"event","api_version":"2025-10-29.clover","created":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},"type":"customer.created","data":{"object":{"id":"cus_x","object":"customer"} } }""";

        var first = await stripe.Deliver(payload);
        var again = await stripe.Deliver(payload);

        Assert.Equal(("applied", "duplicate"), (await first.Content.ReadFromJsonAsync<string>(), await again.Content.ReadFromJsonAsync<string>()));
    }
}
