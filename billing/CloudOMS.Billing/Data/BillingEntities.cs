using CloudOMS.Billing.Plans;
using CloudOMS.Grains;

namespace CloudOMS.Billing.Data;

public enum SubscriptionStatus
{
    /// <summary>Trying <see cref="BillingOptions.TrialPlan"/> until <see cref="Subscription.TrialEndsAt"/>.</summary>
    Trialing,

    /// <summary>On a paid plan with a paid period, or on the free plan.</summary>
    Active,

    /// <summary>A payment is overdue; read-only once the grace period after <see cref="Subscription.PastDueSince"/> ends.</summary>
    PastDue,
}

/// <summary>A tenant's subscription: the source of truth its tenant grain's entitlement is published from.</summary>
public sealed class Subscription
{
    public string TenantId { get; set; } = "";
    public string Plan { get; set; } = "";
    public BillingCycle Cycle { get; set; }
    public SubscriptionStatus Status { get; set; }
    public DateTimeOffset? TrialEndsAt { get; set; }
    public DateTimeOffset? PeriodStart { get; set; }
    public DateTimeOffset? PeriodEnd { get; set; }

    /// <summary>A downgrade (or cycle change) waiting for the period to end.</summary>
    public string? PendingPlan { get; set; }
    public BillingCycle? PendingCycle { get; set; }
    public bool CancelAtPeriodEnd { get; set; }
    public DateTimeOffset? PastDueSince { get; set; }

    /// <summary>Set by the platform operator; the tenant can neither read nor change its data until resumed.</summary>
    public bool Suspended { get; set; }

    /// <summary>Who collects: <see cref="BankTransferOptions.Name"/> or <see cref="StripeOptions.Name"/>.</summary>
    public string Provider { get; set; } = BankTransferOptions.Name;
    public string? StripeCustomerId { get; set; }
    public string? StripeSubscriptionId { get; set; }

    /// <summary>Creation time of the newest Stripe subscription event applied; an older one arriving late is ignored.</summary>
    public DateTimeOffset? StripeStateAt { get; set; }

    /// <summary>The access last derived (read-only after grace), so the sweeper sees when time changed it.</summary>
    public TenantAccess Access { get; set; }

    /// <summary>Raised on every change; the entitlement carries it so the tenant grain keeps the newest.</summary>
    public long Version { get; set; }

    /// <summary>The version the tenant grain confirmed; lower than <see cref="Version"/> means "publish again".</summary>
    public long PublishedVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum InvoiceStatus
{
    Open,
    Paid,
    Void,
}

public enum InvoiceKind
{
    /// <summary>A trial or free tenant buys a plan: the plan starts when it is paid.</summary>
    Purchase,

    /// <summary>A paying tenant moved up: the rest of its period at the difference in price.</summary>
    Upgrade,

    /// <summary>The next period of the current plan.</summary>
    Renewal,
}

/// <summary>A bill to a tenant, with the company details printed on it as they were when it was issued.</summary>
public sealed class Invoice
{
    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";

    /// <summary>Printed number, e.g. CO-202611-000042.</summary>
    public string Number { get; set; } = "";

    /// <summary>What the payer writes in the transfer's remark (附言) so the operator can match it; unique.</summary>
    public string Reference { get; set; } = "";
    public InvoiceKind Kind { get; set; }
    public InvoiceStatus Status { get; set; }
    public string Plan { get; set; } = "";
    public BillingCycle Cycle { get; set; }
    public DateTimeOffset PeriodStart { get; set; }
    public DateTimeOffset PeriodEnd { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "CNY";
    public string Method { get; set; } = BankTransferOptions.Name;
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public string? PaidBy { get; set; }
    public string CompanyName { get; set; } = "";
    public string? TaxId { get; set; }
    public string? Address { get; set; }
    public string? StripeInvoiceId { get; set; }
}

/// <summary>A provider event (Stripe webhook) already processed: the same event id is never applied twice.</summary>
public sealed class ProcessedEvent
{
    public string EventId { get; set; } = "";
    public string Type { get; set; } = "";
    public string? TenantId { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
