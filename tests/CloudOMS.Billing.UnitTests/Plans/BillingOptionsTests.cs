using System.ComponentModel.DataAnnotations;

namespace CloudOMS.Billing.UnitTests.Plans;

/// <summary>The plan catalogue's own rules: what start-up refuses, and how plans are found, ranked and priced.</summary>
public sealed class BillingOptionsTests
{
    private static List<string> Errors(BillingOptions options) =>
        [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!)];

    [Fact]
    public void The_shipped_catalogue_is_valid() => Assert.Empty(Errors(Catalogue.Options()));

    [Fact]
    public void A_catalogue_without_plans_is_refused()
    {
        var errors = Errors(new BillingOptions());

        Assert.Contains("Billing:Plans lists no plan.", errors);
        Assert.Contains(errors, e => e.Contains("FreePlan 'free'", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_plans_with_one_code_in_any_case_are_refused()
    {
        var options = Catalogue.Options();
        options.Plans.Add(new PlanOptions { Code = "PRO", NameZh = "专业版", NameEn = "Pro" });

        Assert.Contains("Billing:Plans has two plans with one code.", Errors(options));
    }

    [Fact]
    public void A_plan_without_a_code_or_a_name_or_with_a_negative_price_or_a_zero_quota_is_refused_naming_it()
    {
        var options = Catalogue.Options();
        options.Plans.Add(new PlanOptions { Code = "broken", NameZh = "", NameEn = "Broken", MonthlyPrice = -1, Skus = 0 });
        options.Plans.Add(new PlanOptions { Code = " ", NameZh = "空", NameEn = "Blank" });

        var errors = Errors(options);

        Assert.Contains("Billing:Plans 'broken': names (zh and en) are required", errors);
        Assert.Contains("Billing:Plans 'broken': prices cannot be negative", errors);
        Assert.Contains("Billing:Plans 'broken': a quota must be at least 1 (leave it out for no limit)", errors);
        Assert.Contains("Billing:Plans ' ': code is empty", errors);
    }

    [Fact]
    public void Free_and_trial_plans_must_be_in_the_catalogue()
    {
        var options = Catalogue.Options();
        (options.FreePlan, options.TrialPlan) = ("gratis", "gold");

        var errors = Errors(options);

        Assert.Contains("Billing:FreePlan 'gratis' is not a plan.", errors);
        Assert.Contains("Billing:TrialPlan 'gold' is not a plan.", errors);
    }

    [Fact]
    public void An_unknown_provider_and_Stripe_without_its_keys_are_refused()
    {
        var unknown = Catalogue.Options();
        unknown.Provider = "Alipay";
        var stripe = Catalogue.Options();
        stripe.Provider = StripeOptions.Name;
        stripe.Stripe.SecretKey = "sk_test";

        Assert.Contains("Billing:Provider must be BankTransfer or Stripe.", Errors(unknown));
        Assert.Contains("Billing:Stripe:SecretKey and WebhookSecret are required when the provider is Stripe.", Errors(stripe));
        stripe.Stripe.WebhookSecret = "whsec_test";
        Assert.Empty(Errors(stripe));
    }

    [Fact]
    public void Plans_are_found_in_any_case_and_ranked_by_their_place_in_the_catalogue()
    {
        var options = Catalogue.Options();

        Assert.Equal("enterprise", options.Find("Enterprise")!.Code);
        Assert.Null(options.Find("platinum"));
        Assert.Null(options.Find(null));
        Assert.Equal([0, 1, 2, 3, -1], new[] { "free", "STARTER", "pro", "enterprise", "platinum" }.Select(options.Rank));
        Assert.Contains("'platinum'", Assert.Throws<InvalidOperationException>(() => options.Plan("platinum")).Message);
    }

    [Fact]
    public void A_plan_is_priced_by_its_cycle_and_earns_a_twelfth_of_its_yearly_price_a_month()
    {
        var pro = Catalogue.Plan("pro");

        Assert.Equal((599m, 5990m), (pro.Price(BillingCycle.Monthly), pro.Price(BillingCycle.Yearly)));
        Assert.Equal((599m, 499.17m), (pro.MonthlyRevenue(BillingCycle.Monthly), pro.MonthlyRevenue(BillingCycle.Yearly)));
        Assert.True(Catalogue.Plan("free").IsFree);
        Assert.False(pro.IsFree);
        Assert.Equal(("专业版", "Pro"), (pro.Name(english: false), pro.Name(english: true)));
    }

    [Fact]
    public void A_plans_quotas_leave_out_what_it_does_not_limit()
    {
        var quotas = Catalogue.Plan("enterprise").Quotas;

        Assert.Equal(new CloudOMS.Grains.PlanQuotas(null, 200, 100, null, null), quotas);
        Assert.Null(quotas.Limit(CloudOMS.Grains.UsageKind.Orders));
        Assert.Equal(100, quotas.Limit(CloudOMS.Grains.UsageKind.Warehouses));
    }
}
