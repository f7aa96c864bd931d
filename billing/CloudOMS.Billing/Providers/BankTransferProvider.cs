using CloudOMS.Billing.Data;
using CloudOMS.Billing.Plans;
using CloudOMS.Billing.Subscriptions;
using Microsoft.Extensions.Options;

namespace CloudOMS.Billing.Providers;

/// <summary>
/// 对公转账: every payment is an invoice carrying the platform's bank account and a unique reference; the
/// tenant transfers the amount with the reference in the remark, and a platform operator marks it paid.
/// Needs no network, so it is the default.
/// </summary>
public sealed class BankTransferProvider(IOptions<BillingOptions> options, BillingClock clock) : IBillingProvider
{
    public string Name => BankTransferOptions.Name;

    public Task<PurchaseStart> StartPurchase(PurchaseRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var invoice = Invoices.Issue(request.Subscription.TenantId, InvoiceKind.Purchase, request.Plan, request.Cycle, request.Plan.Price(request.Cycle),
            now, SubscriptionRules.Next(now, request.Cycle), request.BillTo, Name, now, now.AddDays(options.Value.GraceDays));
        return Task.FromResult(new PurchaseStart(invoice, null));
    }

    public Task<Invoice?> PlanChanged(Subscription subscription, PlanOptions plan, decimal difference, BillTo billTo, CancellationToken cancellationToken)
    {
        if (difference <= 0) return Task.FromResult<Invoice?>(null);
        var now = clock.GetUtcNow();
        return Task.FromResult<Invoice?>(Invoices.Issue(subscription.TenantId, InvoiceKind.Upgrade, plan, subscription.Cycle, difference,
            now, subscription.PeriodEnd ?? now, billTo, Name, now, now.AddDays(options.Value.GraceDays)));
    }

    public Task CancelAtPeriodEnd(Subscription subscription, bool cancel, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string?> ManagementUrl(Subscription subscription, string returnUrl, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
