using CloudOMS.Billing.Subscriptions;
using CloudOMS.Grains;
using static CloudOMS.Billing.UnitTests.Catalogue;

namespace CloudOMS.Billing.UnitTests.Subscriptions;

/// <summary>SubscriptionRules: a new tenant's trial, and what its end changes.</summary>
public sealed class TrialTests
{
    private readonly SubscriptionRules _rules = Rules();

    [Fact]
    public void A_new_tenant_tries_the_trial_plan_for_the_trial_days_collected_by_the_default_provider()
    {
        var s = _rules.StartTrial("t1", Now);

        Assert.Equal(("t1", "pro", SubscriptionStatus.Trialing), (s.TenantId, s.Plan, s.Status));
        Assert.Equal(Now.AddDays(14), s.TrialEndsAt);
        Assert.Equal((BankTransferOptions.Name, Now, 1L), (s.Provider, s.CreatedAt, s.Version));
        Assert.Null(s.PeriodStart);
        Assert.Null(s.PeriodEnd);
        Assert.Equal(TenantAccess.Full, _rules.AccessAt(s, Now));
    }

    [Fact]
    public void A_trial_is_unpaid_and_so_is_an_active_plan_without_a_period()
    {
        var free = Paying("free");
        free.PeriodStart = free.PeriodEnd = null;

        Assert.True(SubscriptionRules.IsUnpaid(Trial()));
        Assert.True(SubscriptionRules.IsUnpaid(free));
        Assert.False(SubscriptionRules.IsUnpaid(Paying()));
    }

    [Fact]
    public void Time_before_the_trial_ends_changes_nothing()
    {
        var s = Trial();

        Assert.False(_rules.Advance(s, Now.AddDays(14).AddSeconds(-1), out var renewal));

        Assert.Null(renewal);
        Assert.Equal(("pro", SubscriptionStatus.Trialing, 1L), (s.Plan, s.Status, s.Version));
    }

    [Fact]
    public void The_trial_ends_on_the_free_plan_active_with_no_period_and_nothing_to_pay()
    {
        var s = Trial();

        Assert.True(_rules.Advance(s, Now.AddDays(14), out var renewal));

        Assert.Null(renewal);
        Assert.Equal(("free", BillingCycle.Monthly, SubscriptionStatus.Active), (s.Plan, s.Cycle, s.Status));
        Assert.Null(s.TrialEndsAt);
        Assert.Null(s.PeriodEnd);
        Assert.Equal((TenantAccess.Full, 2L), (s.Access, s.Version));
        Assert.True(SubscriptionRules.IsUnpaid(s));
    }

    [Fact]
    public void A_trial_that_ended_long_ago_reaches_the_free_plan_in_one_step_and_is_never_past_due()
    {
        var s = Trial();

        Assert.True(_rules.Advance(s, Now.AddYears(1), out var renewal));
        Assert.False(_rules.Advance(s, Now.AddYears(1), out var again));

        Assert.Null(renewal);
        Assert.Null(again);
        Assert.Equal(("free", SubscriptionStatus.Active, TenantAccess.Full), (s.Plan, s.Status, s.Access));
        Assert.Null(s.PastDueSince);
        Assert.Equal(2L, s.Version);
    }

    [Fact]
    public void Paying_for_a_plan_during_the_trial_ends_the_trial_and_starts_the_plan_at_once()
    {
        var s = Trial();
        var paidAt = Now.AddDays(3);

        _rules.Paid(s, InvoiceFor(InvoiceKind.Purchase, "enterprise", BillingCycle.Yearly), paidAt);

        Assert.Equal(("enterprise", BillingCycle.Yearly, SubscriptionStatus.Active), (s.Plan, s.Cycle, s.Status));
        Assert.Null(s.TrialEndsAt);
        Assert.Equal((paidAt, paidAt.AddYears(1)), (s.PeriodStart!.Value, s.PeriodEnd!.Value));
        Assert.False(_rules.Advance(s, Now.AddDays(14), out _));
        Assert.Equal("enterprise", s.Plan);
    }
}
