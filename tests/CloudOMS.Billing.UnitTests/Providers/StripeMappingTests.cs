using CloudOMS.Billing.Providers;

namespace CloudOMS.Billing.UnitTests.Providers;

/// <summary>How a Stripe price id, and the cycle written on Stripe's metadata, map back to a plan.</summary>
public sealed class StripeMappingTests
{
    private static StripeOptions Stripe() => new()
    {
        Prices = new()
        {
            ["starter"] = new() { ["Monthly"] = "price_starter_m", ["yearly"] = "price_starter_y" },
            ["Pro"] = new() { ["Monthly"] = "price_pro_m", ["Yearly"] = "" },
        },
    };

    [Fact]
    public void A_price_is_found_by_plan_and_cycle_in_any_case_and_an_empty_one_counts_as_none()
    {
        var stripe = Stripe();

        Assert.Equal("price_starter_y", stripe.PriceOf("STARTER", BillingCycle.Yearly));
        Assert.Equal("price_pro_m", stripe.PriceOf("pro", BillingCycle.Monthly));
        Assert.Null(stripe.PriceOf("pro", BillingCycle.Yearly));
        Assert.Null(stripe.PriceOf("enterprise", BillingCycle.Monthly));
    }

    [Fact]
    public void A_price_id_maps_back_to_its_plan_and_cycle_and_an_unknown_one_to_nothing()
    {
        var stripe = Stripe();

        Assert.Equal(("starter", BillingCycle.Yearly), stripe.PlanOf("price_starter_y"));
        Assert.Equal(("Pro", BillingCycle.Monthly), stripe.PlanOf("price_pro_m"));
        Assert.Null(stripe.PlanOf("price_other"));
        Assert.Null(stripe.PlanOf(null));
    }

    [Theory]
    [InlineData("Monthly", BillingCycle.Monthly)]
    [InlineData("yearly", BillingCycle.Yearly)]
    [InlineData("1", BillingCycle.Yearly)]
    [InlineData("7", null)]
    [InlineData("Weekly", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_cycle_on_the_metadata_is_read_in_any_case_and_only_when_it_is_a_cycle(string? text, BillingCycle? expected) =>
        Assert.Equal(expected, StripeMetadata.CycleOf(text));

    [Fact]
    public void A_purchase_writes_the_tenant_plan_and_cycle_onto_the_metadata()
    {
        var metadata = StripeMetadata.Purchase("t1", "pro", BillingCycle.Yearly);

        Assert.Equal(new Dictionary<string, string> { ["tenant"] = "t1", ["plan"] = "pro", ["cycle"] = "Yearly" }, metadata);
        Assert.Equal(BillingCycle.Yearly, StripeMetadata.CycleOf(metadata[StripeMetadata.Cycle]));
    }
}
