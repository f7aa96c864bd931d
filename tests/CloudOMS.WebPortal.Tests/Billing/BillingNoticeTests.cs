using CloudOMS.Billing.Data;
using CloudOMS.Grains;
using CloudOMS.WebPortal.Billing;

namespace CloudOMS.WebPortal.Tests.Billing;

/// <summary>Which billing banner a member sees, from the access the grain enforces and the subscription's dates.</summary>
public sealed class BillingNoticeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private static Subscription Trial(DateTimeOffset ends) => new() { TenantId = "t", Plan = "pro", Status = SubscriptionStatus.Trialing, TrialEndsAt = ends };

    [Fact]
    public void A_trial_ending_within_three_days_is_announced_with_its_date_and_a_later_one_is_not()
    {
        Assert.Equal(new BillingNotice(BillingNoticeKind.TrialEnding, Now.AddDays(3)), BillingNotice.For(TenantAccess.Full, Trial(Now.AddDays(3)), null, Now));
        Assert.Null(BillingNotice.For(TenantAccess.Full, Trial(Now.AddDays(3).AddMinutes(1)), null, Now));
    }

    [Fact]
    public void A_past_due_company_is_told_when_it_becomes_read_only()
    {
        var pastDue = new Subscription { TenantId = "t", Plan = "pro", Status = SubscriptionStatus.PastDue, PastDueSince = Now.AddDays(-2) };

        Assert.Equal(new BillingNotice(BillingNoticeKind.PastDue, Now.AddDays(5)), BillingNotice.For(TenantAccess.Full, pastDue, Now.AddDays(5), Now));
    }

    [Fact]
    public void The_grains_access_decides_read_only_and_suspended_even_before_the_subscription_row_says_so()
    {
        var active = new Subscription { TenantId = "t", Plan = "pro", Status = SubscriptionStatus.Active, PeriodEnd = Now.AddDays(20) };

        Assert.Null(BillingNotice.For(TenantAccess.Full, active, null, Now));
        Assert.Null(BillingNotice.For(null, active, null, Now));
        Assert.Equal(BillingNoticeKind.ReadOnly, BillingNotice.For(TenantAccess.ReadOnly, active, null, Now)!.Kind);
        Assert.Equal(BillingNoticeKind.Suspended, BillingNotice.For(TenantAccess.Suspended, active, null, Now)!.Kind);
        Assert.Equal(BillingNoticeKind.Suspended, BillingNotice.For(TenantAccess.ReadOnly, new Subscription { Suspended = true }, null, Now)!.Kind);
    }
}
