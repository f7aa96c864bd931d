using CloudOMS.Billing.Api;

namespace CloudOMS.WebPortal.Tests.Billing;

/// <summary>Buying, upgrading and managing a plan with Stripe: what CloudOMS asks Stripe's API for.</summary>
[Collection(StripeCollection.Name)]
public sealed class StripeCheckoutTests(StripePortal stripe)
{
    [Fact]
    public async Task Buying_opens_a_checkout_session_with_the_plan_price_the_tenant_customer_and_chinese_payment_methods()
    {
        var tenant = await stripe.SignUp();

        var change = await tenant.Admin.Post<ChangeView>("/api/billing/change", new { Plan = "starter", Cycle = "Monthly", Provider = "Stripe" });

        Assert.Equal("awaiting-payment", change.Result);
        Assert.Equal(FakeStripe.CheckoutUrl(tenant.Id), change.RedirectUrl);
        var customer = Assert.Single(stripe.Stripe.Posts("/v1/customers", tenant.Id));
        Assert.Equal(tenant.Id, customer["metadata[tenant]"]);
        var session = Assert.Single(stripe.Stripe.Posts("/v1/checkout/sessions", tenant.Id));
        Assert.Equal("subscription", session["mode"]);
        Assert.Equal(StripePortal.StarterPrice, session["line_items[0][price]"]);
        Assert.Equal(FakeStripe.CustomerOf(tenant.Id), session["customer"]);
        Assert.Equal(["card", "alipay", "wechat_pay"], new[] { session["payment_method_types[0]"], session["payment_method_types[1]"], session["payment_method_types[2]"] }.Select(v => v.ToString()));
        Assert.Equal(tenant.Id, session["client_reference_id"]);
        Assert.Equal((tenant.Id, "starter", "Monthly"), (session["metadata[tenant]"].ToString(), session["metadata[plan]"].ToString(), session["metadata[cycle]"].ToString()));
        Assert.EndsWith("/app/settings/billing", session["success_url"].ToString());
        // Nothing is bought until Stripe says it was paid.
        var billing = await StripePortal.Billing(tenant);
        Assert.Equal(("Trialing", "Stripe"), (billing.Status, billing.Provider));
    }

    [Fact]
    public async Task Buying_again_reuses_the_tenant_stripe_customer()
    {
        var tenant = await stripe.SignUp();

        await tenant.Admin.Post<ChangeView>("/api/billing/change", new { Plan = "starter", Cycle = "Monthly", Provider = "Stripe" });
        await tenant.Admin.Post<ChangeView>("/api/billing/change", new { Plan = "pro", Cycle = "Monthly", Provider = "Stripe" });

        Assert.Single(stripe.Stripe.Posts("/v1/customers", tenant.Id));
        var sessions = stripe.Stripe.Posts("/v1/checkout/sessions", tenant.Id);
        Assert.Equal([StripePortal.StarterPrice, StripePortal.ProPrice], sessions.Select(s => s["line_items[0][price]"].ToString()));
        Assert.All(sessions, s => Assert.Equal(FakeStripe.CustomerOf(tenant.Id), s["customer"]));
    }

    [Fact]
    public async Task A_plan_without_a_stripe_price_is_refused_as_a_field_error()
    {
        var tenant = await stripe.SignUp();

        var refused = await tenant.Admin.Post("/api/billing/change", new { Plan = "starter", Cycle = "Yearly", Provider = "Stripe" });

        var problem = await OmsClient.FieldError(refused, "plan");
        Assert.Contains("Stripe", problem.Errors!["plan"][0]);
        Assert.Empty(stripe.Stripe.Posts("/v1/checkout/sessions", tenant.Id));
    }

    [Fact]
    public async Task Upgrading_a_stripe_subscription_moves_its_item_to_the_new_price()
    {
        var tenant = await stripe.SignUp();
        await tenant.Admin.Post<ChangeView>("/api/billing/change", new { Plan = "starter", Cycle = "Monthly", Provider = "Stripe" });
        await stripe.Delivered(StripeEventJson.CheckoutCompleted(StripeEventJson.NewId(), tenant.Id, "starter", "Monthly", 19900, DateTimeOffset.UtcNow));

        var change = await tenant.Admin.Post<ChangeView>("/api/billing/change", new { Plan = "pro", Cycle = "Monthly" });

        Assert.Equal("changed", change.Result);
        Assert.Null(change.Invoice);
        var update = Assert.Single(stripe.Stripe.Posts($"/v1/subscriptions/{FakeStripe.SubscriptionOf(tenant.Id)}", "items"));
        Assert.Equal(("si_" + FakeStripe.SubscriptionOf(tenant.Id), StripePortal.ProPrice), (update["items[0][id]"].ToString(), update["items[0][price]"].ToString()));
        Assert.Equal("pro", (await StripePortal.Billing(tenant)).Plan.Code);

        await tenant.Admin.Post<string>("/api/billing/cancel", null);

        Assert.Single(stripe.Stripe.Posts($"/v1/subscriptions/{FakeStripe.SubscriptionOf(tenant.Id)}", "cancel_at_period_end=true"));
    }

    [Fact]
    public async Task A_stripe_subscription_is_downgraded_in_stripes_customer_portal_not_here()
    {
        var tenant = await stripe.SignUp();
        await tenant.Admin.Post<ChangeView>("/api/billing/change", new { Plan = "pro", Cycle = "Monthly", Provider = "Stripe" });
        await stripe.Delivered(StripeEventJson.CheckoutCompleted(StripeEventJson.NewId(), tenant.Id, "pro", "Monthly", 59900, DateTimeOffset.UtcNow));

        var refused = await OmsClient.FieldError(await tenant.Admin.Post("/api/billing/change", new { Plan = "starter", Cycle = "Monthly" }), "plan");

        Assert.Contains("Stripe", refused.Errors!["plan"][0]);
        var billing = await StripePortal.Billing(tenant);
        Assert.Equal(("pro", null), (billing.Plan.Code, billing.PendingPlan));
    }
}
