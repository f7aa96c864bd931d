using CloudOMS.Billing.Data;
using CloudOMS.Grains;
using Microsoft.Extensions.Localization;
using Radzen;

namespace CloudOMS.WebPortal.Billing;

/// <summary>A subscription's status as the billing page and the operator console show it: text and badge colour.</summary>
public static class BillingStatus
{
    public static string Text(IStringLocalizer texts, Subscription s, DateTimeOffset? readOnlyFrom) => s switch
    {
        { Suspended: true } => texts["Billing.Status.Suspended"],
        { Access: TenantAccess.ReadOnly } => texts["Billing.Status.ReadOnly"],
        { Status: SubscriptionStatus.Trialing } => texts["Billing.Status.Trialing", BillingFormat.Date(s.TrialEndsAt)],
        { Status: SubscriptionStatus.PastDue } => texts["Billing.Status.PastDue", BillingFormat.Date(readOnlyFrom)],
        { PeriodEnd: { } end } => texts["Billing.Status.ActiveUntil", BillingFormat.Date(end)],
        _ => texts["Billing.Status.Active"],
    };

    public static BadgeStyle Style(Subscription s) => s switch
    {
        { Suspended: true } or { Access: TenantAccess.ReadOnly } => BadgeStyle.Danger,
        { Status: SubscriptionStatus.PastDue } => BadgeStyle.Warning,
        { Status: SubscriptionStatus.Trialing } => BadgeStyle.Info,
        _ => BadgeStyle.Success,
    };
}
