using CloudOMS.Billing.Data;
using CloudOMS.Billing.Plans;
using CloudOMS.Grains;

namespace CloudOMS.Billing.Providers;

/// <summary>What an invoice prints about the paying company, from its profile when the invoice is issued.</summary>
public sealed record BillTo(string Name, string? TaxId, string? Address)
{
    public static BillTo From(TenantProfile? profile, string tenantId) =>
        new(profile?.Name ?? tenantId, profile?.TaxId, profile?.Address);
}

/// <summary>A trial or free tenant buying a plan; the URLs are where Stripe sends the buyer back.</summary>
public sealed record PurchaseRequest(Subscription Subscription, PlanOptions Plan, BillingCycle Cycle, BillTo BillTo, string SuccessUrl, string CancelUrl);

/// <summary>Either an invoice to pay by transfer, or a page (Stripe Checkout) to send the buyer to.</summary>
public sealed record PurchaseStart(Invoice? Invoice, string? RedirectUrl);

/// <summary>One way tenants pay: bank transfer (对公转账, offline, the default) or Stripe.</summary>
public interface IBillingProvider
{
    /// <summary><see cref="BankTransferOptions.Name"/> or <see cref="StripeOptions.Name"/>.</summary>
    string Name { get; }

    /// <summary>Starts paying for a plan; the plan starts when the payment arrives.</summary>
    Task<PurchaseStart> StartPurchase(PurchaseRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// A paying tenant changed plan at once (upgrade); <paramref name="difference"/> is the price of the rest of the
    /// period. Returns an invoice to pay, or null when the provider bills it itself.
    /// </summary>
    Task<Invoice?> PlanChanged(Subscription subscription, PlanOptions plan, decimal difference, BillTo billTo, CancellationToken cancellationToken);

    /// <summary>Cancel at period end (true) or keep renewing (false), where the provider renews by itself.</summary>
    Task CancelAtPeriodEnd(Subscription subscription, bool cancel, CancellationToken cancellationToken);

    /// <summary>A page where the tenant manages cards and receipts, or null when the provider has none.</summary>
    Task<string?> ManagementUrl(Subscription subscription, string returnUrl, CancellationToken cancellationToken);
}
