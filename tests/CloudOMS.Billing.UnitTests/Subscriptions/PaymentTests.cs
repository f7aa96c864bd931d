using CloudOMS.Billing.Subscriptions;
using CloudOMS.Grains;
using static CloudOMS.Billing.UnitTests.Catalogue;

namespace CloudOMS.Billing.UnitTests.Subscriptions;

/// <summary>SubscriptionRules: payments that arrive or fail, and the operator's suspension.</summary>
public sealed class PaymentTests
{
    private readonly SubscriptionRules _rules = Rules();

    [Fact]
    public void A_paid_purchase_starts_the_plan_bought_for_one_cycle_from_the_payment_and_drops_what_was_pending()
    {
        var s = Paying("starter");
        (s.PendingPlan, s.PendingCycle, s.CancelAtPeriodEnd) = ("free", BillingCycle.Monthly, true);
        var paidAt = Now.AddDays(2);

        _rules.Paid(s, InvoiceFor(InvoiceKind.Purchase, "pro", BillingCycle.Yearly), paidAt);

        Assert.Equal(("pro", BillingCycle.Yearly, SubscriptionStatus.Active), (s.Plan, s.Cycle, s.Status));
        Assert.Equal((paidAt, paidAt.AddYears(1)), (s.PeriodStart!.Value, s.PeriodEnd!.Value));
        Assert.Null(s.PendingPlan);
        Assert.Null(s.PendingCycle);
        Assert.False(s.CancelAtPeriodEnd);
        Assert.Equal(6L, s.Version);
    }

    [Fact]
    public void A_paid_upgrade_invoice_keeps_the_plan_and_period_and_ends_past_due()
    {
        var s = PastDue(Now.AddDays(1));
        var (start, end) = (s.PeriodStart, s.PeriodEnd);

        _rules.Paid(s, InvoiceFor(InvoiceKind.Upgrade, "pro"), Now.AddDays(2));

        Assert.Equal(("starter", SubscriptionStatus.Active, TenantAccess.Full), (s.Plan, s.Status, s.Access));
        Assert.Equal((start, end), (s.PeriodStart, s.PeriodEnd));
        Assert.Null(s.PastDueSince);
    }

    [Fact]
    public void A_failed_payment_makes_a_paying_tenant_past_due_from_now_with_full_access_for_the_grace_days()
    {
        var s = Paying();
        var failedAt = Now.AddDays(10);

        _rules.PaymentFailed(s, failedAt);

        Assert.Equal((SubscriptionStatus.PastDue, failedAt, TenantAccess.Full), (s.Status, s.PastDueSince!.Value, s.Access));
        Assert.Equal(6L, s.Version);
        Assert.Equal(TenantAccess.ReadOnly, _rules.AccessAt(s, failedAt.AddDays(7)));
    }

    [Fact]
    public void Another_failed_payment_keeps_the_first_past_due_date_and_changes_nothing()
    {
        var s = Paying();
        _rules.PaymentFailed(s, Now.AddDays(10));

        _rules.PaymentFailed(s, Now.AddDays(12));

        Assert.Equal((Now.AddDays(10), 6L), (s.PastDueSince!.Value, s.Version));
    }

    [Fact]
    public void A_past_due_date_gives_no_read_only_date_to_an_active_tenant()
    {
        var s = Paying();
        s.PastDueSince = Now;

        Assert.Null(_rules.ReadOnlyFrom(s));
        Assert.Equal(TenantAccess.Full, _rules.AccessAt(s, Now.AddDays(30)));
    }

    [Fact]
    public void A_suspended_tenant_has_no_access_whatever_it_paid_and_time_records_that()
    {
        var s = Paying();
        s.Suspended = true;

        Assert.Equal(TenantAccess.Suspended, _rules.AccessAt(s, Now));
        Assert.True(_rules.Advance(s, Now.AddMinutes(1), out var renewal));

        Assert.Null(renewal);
        Assert.Equal((TenantAccess.Suspended, 6L), (s.Access, s.Version));
    }

    [Fact]
    public void A_resumed_tenant_gets_back_the_access_its_payments_give()
    {
        var paying = Paying();
        var unpaid = PastDue(Now);
        foreach (var s in new[] { paying, unpaid })
        {
            s.Suspended = true;
            _rules.Changed(s, Now);
            s.Suspended = false;
            _rules.Changed(s, Now.AddDays(8));
        }

        Assert.Equal(TenantAccess.Full, paying.Access);
        Assert.Equal(TenantAccess.ReadOnly, unpaid.Access);
        Assert.Equal(7L, paying.Version);
    }

    [Fact]
    public void The_entitlement_carries_the_plans_quotas_the_access_and_the_version()
    {
        var s = PastDue(Now);
        _rules.Advance(s, Now.AddDays(7), out _);

        var entitlement = _rules.Entitlement(s);

        Assert.Equal(new Entitlement("starter", new PlanQuotas(2000, 5, 2, 1000, 600), TenantAccess.ReadOnly, 6L), entitlement);
    }
}
