using CloudOMS.Billing.Data;
using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Billing;

public enum BillingNoticeKind
{
    PastDue,
    ReadOnly,
    Suspended,
    TrialEnding,
}

/// <summary>What the layout's billing banner tells every member, and the date it names; none when all is well.</summary>
public sealed record BillingNotice(BillingNoticeKind Kind, DateTimeOffset? Date)
{
    /// <summary>Days before a trial's end from which the banner reminds the company to choose a plan.</summary>
    public const int TrialWarningDays = 3;

    /// <summary>
    /// From the access the tenant grain enforces (<paramref name="granted"/>, authoritative for read-only and
    /// suspended) and the subscription's dates.
    /// </summary>
    public static BillingNotice? For(TenantAccess? granted, Subscription subscription, DateTimeOffset? readOnlyFrom, DateTimeOffset now)
    {
        if (granted == TenantAccess.Suspended || subscription.Suspended) return new(BillingNoticeKind.Suspended, null);
        if (granted == TenantAccess.ReadOnly || subscription.Access == TenantAccess.ReadOnly) return new(BillingNoticeKind.ReadOnly, null);
        if (subscription.Status == SubscriptionStatus.PastDue) return new(BillingNoticeKind.PastDue, readOnlyFrom);
        if (subscription is { Status: SubscriptionStatus.Trialing, TrialEndsAt: { } ends } && ends - now <= TimeSpan.FromDays(TrialWarningDays))
            return new(BillingNoticeKind.TrialEnding, ends);
        return null;
    }
}
