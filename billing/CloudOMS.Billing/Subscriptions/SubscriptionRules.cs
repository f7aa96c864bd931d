using CloudOMS.Billing.Data;
using CloudOMS.Billing.Plans;
using CloudOMS.Grains;

namespace CloudOMS.Billing.Subscriptions;

/// <summary>
/// How a subscription moves: trial, purchase, upgrade (at once), downgrade and cancel (at period end), past
/// due and read-only after the grace period, and back to active the moment it is paid. Plain rules over the
/// entities; the caller saves. Data is never deleted here, whatever is unpaid.
/// </summary>
public sealed class SubscriptionRules(BillingOptions options)
{
    public Subscription StartTrial(string tenantId, DateTimeOffset now) => new()
    {
        TenantId = tenantId,
        Plan = options.TrialPlan,
        Status = SubscriptionStatus.Trialing,
        TrialEndsAt = now.AddDays(options.TrialDays),
        Provider = options.Provider,
        CreatedAt = now,
        Version = 1,
    };

    /// <summary>A tenant that pays nothing: the free plan, no period.</summary>
    public static bool IsUnpaid(Subscription s) => s.Status == SubscriptionStatus.Trialing || s.PeriodEnd is null;

    public Entitlement Entitlement(Subscription s) => new(s.Plan, options.Plan(s.Plan).Quotas, s.Access, s.Version);

    public TenantAccess AccessAt(Subscription s, DateTimeOffset now) =>
        s.Suspended ? TenantAccess.Suspended
        : s.Status == SubscriptionStatus.PastDue && s.PastDueSince is { } since && now >= since.AddDays(options.GraceDays) ? TenantAccess.ReadOnly
        : TenantAccess.Full;

    /// <summary>When a past-due tenant becomes read-only, for the banner.</summary>
    public DateTimeOffset? ReadOnlyFrom(Subscription s) =>
        s.Status == SubscriptionStatus.PastDue && s.PastDueSince is { } since ? since.AddDays(options.GraceDays) : null;

    /// <summary>
    /// What time alone changes: a trial ends (free plan), a period ends (pending downgrade or cancel applied;
    /// otherwise past due until the renewal is paid), the grace period ends (read-only). True when changed;
    /// <paramref name="renewal"/> is set when a renewal invoice is to be issued.
    /// </summary>
    public bool Advance(Subscription s, DateTimeOffset now, out (DateTimeOffset Start, DateTimeOffset End)? renewal)
    {
        renewal = null;
        var changed = false;
        if (s.Status == SubscriptionStatus.Trialing && s.TrialEndsAt <= now)
        {
            MoveTo(s, options.FreePlan, BillingCycle.Monthly);
            s.Status = SubscriptionStatus.Active;
            s.TrialEndsAt = null;
            changed = true;
        }
        // Stripe keeps the periods of the subscriptions it collects and tells us by webhook.
        if (s.Provider == BankTransferOptions.Name && s.Status == SubscriptionStatus.Active && s.PeriodEnd is { } end && end <= now)
        {
            if (s.CancelAtPeriodEnd)
            {
                MoveTo(s, options.FreePlan, BillingCycle.Monthly);
            }
            else
            {
                if (s.PendingPlan is { } pending) MoveTo(s, pending, s.PendingCycle ?? s.Cycle);
                if (!options.Plan(s.Plan).IsFree)
                {
                    renewal = (end, Next(end, s.Cycle));
                    s.Status = SubscriptionStatus.PastDue;
                    s.PastDueSince = end;
                }
            }
            if (options.Plan(s.Plan).IsFree) s.PeriodStart = s.PeriodEnd = null;
            changed = true;
        }
        var access = AccessAt(s, now);
        if (access != s.Access)
        {
            s.Access = access;
            changed = true;
        }
        if (changed) s.Version++;
        return changed;
    }

    /// <summary>An invoice was paid: the plan it bought starts, or the period it renews begins; past due ends at once.</summary>
    public void Paid(Subscription s, Invoice invoice, DateTimeOffset now)
    {
        switch (invoice.Kind)
        {
            case InvoiceKind.Purchase:
                MoveTo(s, invoice.Plan, invoice.Cycle);
                s.TrialEndsAt = null;
                s.PeriodStart = now;
                s.PeriodEnd = Next(now, invoice.Cycle);
                break;
            case InvoiceKind.Renewal:
                s.PeriodStart = invoice.PeriodStart;
                s.PeriodEnd = invoice.PeriodEnd;
                break;
        }
        s.Status = SubscriptionStatus.Active;
        s.PastDueSince = null;
        Changed(s, now);
    }

    /// <summary>A collection failed (Stripe), or a bank-transfer invoice went unpaid: past due from now, unless already.</summary>
    public void PaymentFailed(Subscription s, DateTimeOffset now)
    {
        if (s.Status == SubscriptionStatus.PastDue) return;
        s.Status = SubscriptionStatus.PastDue;
        s.PastDueSince = now;
        Changed(s, now);
    }

    /// <summary>A paying tenant moves up at once; the price difference for the rest of the period is invoiced.</summary>
    public decimal UpgradeNow(Subscription s, PlanOptions plan, DateTimeOffset now)
    {
        var current = options.Plan(s.Plan);
        var left = s.PeriodEnd is { } end && s.PeriodStart is { } start && end > now ? (end - now) / (end - start) : 0;
        var amount = decimal.Round((plan.Price(s.Cycle) - current.Price(s.Cycle)) * (decimal)left, 2);
        MoveTo(s, plan.Code, s.Cycle);
        Changed(s, now);
        return Math.Max(0, amount);
    }

    /// <summary>The quotas of <paramref name="plan"/> that current usage already exceeds (a downgrade is refused then).</summary>
    public static IReadOnlyList<(UsageKind Kind, int Used, int Limit)> Exceeded(PlanOptions plan, TenantUsage usage) =>
        [.. Enum.GetValues<UsageKind>()
            .Select(kind => (Kind: kind, Used: usage.Of(kind), Limit: plan.Quotas.Limit(kind)))
            .Where(x => x.Limit is { } limit && x.Used > limit)
            .Select(x => (x.Kind, x.Used, x.Limit!.Value))];

    public static DateTimeOffset Next(DateTimeOffset from, BillingCycle cycle) => cycle == BillingCycle.Yearly ? from.AddYears(1) : from.AddMonths(1);

    public void Changed(Subscription s, DateTimeOffset now)
    {
        s.Access = AccessAt(s, now);
        s.Version++;
    }

    private static void MoveTo(Subscription s, string plan, BillingCycle cycle)
    {
        s.Plan = plan;
        s.Cycle = cycle;
        s.PendingPlan = null;
        s.PendingCycle = null;
        s.CancelAtPeriodEnd = false;
    }
}
