using CloudOMS.Billing.Subscriptions;
using CloudOMS.Grains;
using static CloudOMS.Billing.UnitTests.Catalogue;

namespace CloudOMS.Billing.UnitTests.Subscriptions;

/// <summary>SubscriptionRules.Advance at the end of a paid period: renewal and past due, cancel, resume, pending downgrades.</summary>
public sealed class PeriodEndTests
{
    private static readonly DateTimeOffset End = SubscriptionRules.Next(Now, BillingCycle.Monthly);

    private readonly SubscriptionRules _rules = Rules();

    [Fact]
    public void Time_before_the_period_ends_changes_nothing()
    {
        var s = Paying();

        Assert.False(_rules.Advance(s, End.AddSeconds(-1), out var renewal));

        Assert.Null(renewal);
        Assert.Equal((SubscriptionStatus.Active, 5L), (s.Status, s.Version));
    }

    [Fact]
    public void At_the_period_end_the_next_period_is_invoiced_and_the_tenant_is_past_due_from_that_moment_with_full_access()
    {
        var s = Paying("starter");

        Assert.True(_rules.Advance(s, End.AddHours(1), out var renewal));

        Assert.Equal((End, End.AddMonths(1)), renewal);
        Assert.Equal((SubscriptionStatus.PastDue, End), (s.Status, s.PastDueSince!.Value));
        Assert.Equal(("starter", TenantAccess.Full, 6L), (s.Plan, s.Access, s.Version));
        Assert.Equal(End.AddDays(7), _rules.ReadOnlyFrom(s));
    }

    [Fact]
    public void A_yearly_period_renews_for_a_year()
    {
        var s = Paying("pro", BillingCycle.Yearly);
        var end = Now.AddYears(1);

        Assert.True(_rules.Advance(s, end, out var renewal));

        Assert.Equal((end, end.AddYears(1)), renewal);
    }

    [Fact]
    public void The_same_moment_advanced_twice_invoices_the_renewal_once()
    {
        var s = Paying();
        _rules.Advance(s, End, out _);

        Assert.False(_rules.Advance(s, End, out var again));

        Assert.Null(again);
        Assert.Equal(6L, s.Version);
    }

    [Fact]
    public void A_past_due_tenant_becomes_read_only_when_the_grace_days_are_over_and_not_a_moment_before()
    {
        var s = PastDue(End);

        Assert.False(_rules.Advance(s, End.AddDays(7).AddSeconds(-1), out _));
        Assert.Equal(TenantAccess.Full, s.Access);
        Assert.True(_rules.Advance(s, End.AddDays(7), out var renewal));

        Assert.Null(renewal);
        Assert.Equal((SubscriptionStatus.PastDue, TenantAccess.ReadOnly, 6L), (s.Status, s.Access, s.Version));
    }

    [Fact]
    public void Paying_the_renewal_starts_its_period_and_restores_a_read_only_tenant_at_once()
    {
        var s = PastDue(End);
        _rules.Advance(s, End.AddDays(8), out _);
        var paidAt = End.AddDays(9);

        _rules.Paid(s, InvoiceFor(InvoiceKind.Renewal, "starter", start: End), paidAt);

        Assert.Equal((SubscriptionStatus.Active, TenantAccess.Full), (s.Status, s.Access));
        Assert.Null(s.PastDueSince);
        Assert.Null(_rules.ReadOnlyFrom(s));
        Assert.Equal((End, End.AddMonths(1)), (s.PeriodStart!.Value, s.PeriodEnd!.Value));
        Assert.Equal("starter", s.Plan);
    }

    [Fact]
    public void A_cancelled_subscription_falls_to_the_free_plan_at_the_period_end_with_nothing_to_pay_and_its_data_kept()
    {
        var s = Paying("pro");
        s.CancelAtPeriodEnd = true;

        Assert.True(_rules.Advance(s, End, out var renewal));

        Assert.Null(renewal);
        Assert.Equal(("free", BillingCycle.Monthly, SubscriptionStatus.Active), (s.Plan, s.Cycle, s.Status));
        Assert.False(s.CancelAtPeriodEnd);
        Assert.Null(s.PeriodStart);
        Assert.Null(s.PeriodEnd);
        Assert.Equal(TenantAccess.Full, s.Access);
    }

    [Fact]
    public void A_cancelled_subscription_keeps_its_plan_until_the_period_ends()
    {
        var s = Paying("pro");
        s.CancelAtPeriodEnd = true;

        Assert.False(_rules.Advance(s, End.AddSeconds(-1), out _));

        Assert.Equal(("pro", true), (s.Plan, s.CancelAtPeriodEnd));
    }

    [Fact]
    public void Resuming_before_the_period_ends_renews_the_plan_instead_of_falling_to_free()
    {
        var s = Paying("pro");
        s.CancelAtPeriodEnd = true;
        _rules.Changed(s, Now.AddDays(3));
        s.CancelAtPeriodEnd = false;
        _rules.Changed(s, Now.AddDays(4));

        Assert.True(_rules.Advance(s, End, out var renewal));

        Assert.Equal((End, End.AddMonths(1)), renewal);
        Assert.Equal(("pro", SubscriptionStatus.PastDue), (s.Plan, s.Status));
    }

    [Fact]
    public void A_pending_downgrade_applies_at_the_period_end_and_its_first_period_is_invoiced_in_its_cycle()
    {
        var s = Paying("pro");
        (s.PendingPlan, s.PendingCycle) = ("starter", BillingCycle.Yearly);

        Assert.True(_rules.Advance(s, End, out var renewal));

        Assert.Equal(("starter", BillingCycle.Yearly), (s.Plan, s.Cycle));
        Assert.Null(s.PendingPlan);
        Assert.Null(s.PendingCycle);
        Assert.Equal((End, End.AddYears(1)), renewal);
        Assert.Equal(SubscriptionStatus.PastDue, s.Status);
    }

    [Fact]
    public void A_pending_downgrade_without_a_cycle_keeps_the_current_cycle()
    {
        var s = Paying("pro", BillingCycle.Yearly);
        s.PendingPlan = "starter";
        var end = Now.AddYears(1);

        _rules.Advance(s, end, out var renewal);

        Assert.Equal(("starter", BillingCycle.Yearly), (s.Plan, s.Cycle));
        Assert.Equal((end, end.AddYears(1)), renewal);
    }

    [Fact]
    public void A_pending_move_to_the_free_plan_ends_the_period_with_nothing_to_pay()
    {
        var s = Paying("starter");
        (s.PendingPlan, s.PendingCycle) = ("free", BillingCycle.Monthly);

        Assert.True(_rules.Advance(s, End, out var renewal));

        Assert.Null(renewal);
        Assert.Equal(("free", SubscriptionStatus.Active), (s.Plan, s.Status));
        Assert.Null(s.PeriodEnd);
        Assert.Null(s.PastDueSince);
    }

    [Fact]
    public void The_period_end_of_a_subscription_that_Stripe_collects_is_left_to_Stripe()
    {
        var s = Paying("pro");
        s.Provider = StripeOptions.Name;

        Assert.False(_rules.Advance(s, End.AddDays(3), out var renewal));

        Assert.Null(renewal);
        Assert.Equal(("pro", SubscriptionStatus.Active, End), (s.Plan, s.Status, s.PeriodEnd!.Value));
    }
}
