using CloudOMS.Billing.Subscriptions;
using CloudOMS.Grains;
using static CloudOMS.Billing.UnitTests.Catalogue;

namespace CloudOMS.Billing.UnitTests.Subscriptions;

/// <summary>SubscriptionRules for a change of plan: the upgrade's price for the rest of the period, what a downgrade must fit.</summary>
public sealed class PlanChangeRulesTests
{
    private readonly SubscriptionRules _rules = Rules();

    [Fact]
    public void An_upgrade_halfway_through_the_period_applies_at_once_and_costs_half_the_price_difference()
    {
        var s = Paying("starter", end: Now.AddDays(30));
        (s.PendingPlan, s.CancelAtPeriodEnd) = ("free", true);

        var amount = _rules.UpgradeNow(s, Plan("enterprise"), Now.AddDays(15));

        Assert.Equal(900.00m, amount);
        Assert.Equal(("enterprise", BillingCycle.Monthly, 6L), (s.Plan, s.Cycle, s.Version));
        Assert.Null(s.PendingPlan);
        Assert.False(s.CancelAtPeriodEnd);
        Assert.Equal((Now, Now.AddDays(30)), (s.PeriodStart!.Value, s.PeriodEnd!.Value));
    }

    [Fact]
    public void The_upgrade_price_is_rounded_to_the_fen()
    {
        var s = Paying("starter", end: Now.AddDays(30));

        Assert.Equal(133.33m, _rules.UpgradeNow(s, Plan("pro"), Now.AddDays(20)));
    }

    [Fact]
    public void A_yearly_upgrade_is_priced_on_the_yearly_prices()
    {
        var s = Paying("starter", BillingCycle.Yearly, end: Now.AddDays(360));

        Assert.Equal(1000.00m, _rules.UpgradeNow(s, Plan("pro"), Now.AddDays(270)));
    }

    [Fact]
    public void An_upgrade_with_no_time_left_in_the_period_costs_nothing_now()
    {
        var ended = Paying("starter", end: Now.AddDays(30));
        var noPeriod = Paying("starter");
        noPeriod.PeriodStart = noPeriod.PeriodEnd = null;

        Assert.Equal(0m, _rules.UpgradeNow(ended, Plan("pro"), Now.AddDays(30)));
        Assert.Equal(0m, _rules.UpgradeNow(noPeriod, Plan("pro"), Now));
        Assert.Equal(("pro", "pro"), (ended.Plan, noPeriod.Plan));
    }

    [Fact]
    public void A_move_to_a_cheaper_plan_never_gives_a_negative_amount()
    {
        var s = Paying("enterprise", end: Now.AddDays(30));

        Assert.Equal(0m, _rules.UpgradeNow(s, Plan("starter"), Now.AddDays(10)));
    }

    [Fact]
    public void A_plan_is_exceeded_only_by_usage_above_its_limits()
    {
        var usage = new TenantUsage("2026-11", OrdersThisMonth: 100, Users: 3, Warehouses: 2, Skus: 5);

        var exceeded = SubscriptionRules.Exceeded(Plan("free"), usage);

        Assert.Equal([(UsageKind.Users, 3, 2), (UsageKind.Warehouses, 2, 1)], exceeded);
    }

    [Fact]
    public void A_limit_left_out_of_a_plan_is_never_exceeded()
    {
        var usage = new TenantUsage("2026-11", OrdersThisMonth: 1_000_000, Users: 200, Warehouses: 100, Skus: 1_000_000);

        Assert.Empty(SubscriptionRules.Exceeded(Plan("enterprise"), usage));
    }

    [Theory]
    [InlineData("2026-01-31T00:00:00+08:00", BillingCycle.Monthly, "2026-02-28T00:00:00+08:00")]
    [InlineData("2026-11-01T10:00:00+00:00", BillingCycle.Monthly, "2026-12-01T10:00:00+00:00")]
    [InlineData("2028-02-29T00:00:00+00:00", BillingCycle.Yearly, "2029-02-28T00:00:00+00:00")]
    public void The_next_period_ends_a_calendar_month_or_year_later(string from, BillingCycle cycle, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            SubscriptionRules.Next(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), cycle));
}
