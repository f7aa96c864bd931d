using CloudOMS.Billing.Data;
using CloudOMS.Billing.Plans;
using CloudOMS.Billing.Subscriptions;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using Invoice = CloudOMS.Billing.Data.Invoice;
using Subscription = CloudOMS.Billing.Data.Subscription;

namespace CloudOMS.Billing.Providers;

/// <summary>
/// Stripe collects: a purchase goes through Stripe Checkout (card, Alipay, WeChat Pay) into a Stripe
/// subscription that renews by itself; upgrades and cancellations change that subscription. What Stripe then
/// does (paid, failed, renewed, ended) arrives by webhook (<see cref="StripeWebhook"/>), which is what changes
/// the tenant's plan.
/// </summary>
public sealed class StripeProvider(IOptions<BillingOptions> options, IStripeClient stripe) : IBillingProvider
{
    private StripeOptions Stripe => options.Value.Stripe;

    public string Name => StripeOptions.Name;

    public async Task<PurchaseStart> StartPurchase(PurchaseRequest request, CancellationToken cancellationToken)
    {
        var price = Price(request.Plan.Code, request.Cycle);
        var subscription = request.Subscription;
        if (subscription.StripeCustomerId is null)
        {
            var customer = await new CustomerService(stripe).CreateAsync(new CustomerCreateOptions
            {
                Name = request.BillTo.Name,
                Metadata = new() { [StripeMetadata.Tenant] = subscription.TenantId },
            }, cancellationToken: cancellationToken);
            // Saved with the rest of the purchase by the caller, so the webhooks find the tenant by its customer.
            subscription.StripeCustomerId = customer.Id;
        }
        var metadata = StripeMetadata.Purchase(subscription.TenantId, request.Plan.Code, request.Cycle);
        var session = new SessionCreateOptions
        {
            Mode = "subscription",
            Customer = subscription.StripeCustomerId,
            ClientReferenceId = subscription.TenantId,
            LineItems = [new SessionLineItemOptions { Price = price, Quantity = 1 }],
            Metadata = metadata,
            SubscriptionData = new SessionSubscriptionDataOptions { Metadata = new(metadata) },
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
        };
        // Stripe.net 53 has no typed payment_method_types on Checkout Sessions any more; the API still takes it.
        for (var i = 0; i < Stripe.PaymentMethods.Count; i++) session.AddExtraParam($"payment_method_types[{i}]", Stripe.PaymentMethods[i]);
        // WeChat Pay at Checkout needs to know it is paid from a web page (a QR code), not an app.
        if (Stripe.PaymentMethods.Contains("wechat_pay"))
            session.PaymentMethodOptions = new SessionPaymentMethodOptionsOptions { WechatPay = new SessionPaymentMethodOptionsWechatPayOptions { Client = "web" } };
        var created = await new SessionService(stripe).CreateAsync(session, cancellationToken: cancellationToken);
        return new PurchaseStart(null, created.Url);
    }

    public async Task<Invoice?> PlanChanged(Subscription subscription, PlanOptions plan, decimal difference, BillTo billTo, CancellationToken cancellationToken)
    {
        var price = Price(plan.Code, subscription.Cycle);
        var service = new SubscriptionService(stripe);
        var current = await service.GetAsync(StripeSubscriptionId(subscription), cancellationToken: cancellationToken);
        var item = current.Items.Data.FirstOrDefault() ?? throw new BillingException("plan", Msg.Of("StripeProvider.StripeSubscriptionNoItem"));
        // Stripe prorates and bills the difference itself; the webhooks report what it collected.
        await service.UpdateAsync(current.Id, new SubscriptionUpdateOptions
        {
            Items = [new SubscriptionItemOptions { Id = item.Id, Price = price }],
            ProrationBehavior = "create_prorations",
            Metadata = StripeMetadata.Purchase(subscription.TenantId, plan.Code, subscription.Cycle),
        }, cancellationToken: cancellationToken);
        return null;
    }

    public Task CancelAtPeriodEnd(Subscription subscription, bool cancel, CancellationToken cancellationToken) =>
        new SubscriptionService(stripe).UpdateAsync(StripeSubscriptionId(subscription),
            new SubscriptionUpdateOptions { CancelAtPeriodEnd = cancel }, cancellationToken: cancellationToken);

    public async Task<string?> ManagementUrl(Subscription subscription, string returnUrl, CancellationToken cancellationToken)
    {
        if (subscription.StripeCustomerId is null) return null;
        var portal = await new global::Stripe.BillingPortal.SessionService(stripe).CreateAsync(
            new global::Stripe.BillingPortal.SessionCreateOptions { Customer = subscription.StripeCustomerId, ReturnUrl = returnUrl },
            cancellationToken: cancellationToken);
        return portal.Url;
    }

    private string Price(string plan, BillingCycle cycle) =>
        Stripe.PriceOf(plan, cycle)
        ?? throw new BillingException("plan", Msg.Of("StripeProvider.PlanCycleNoStripePriceConfigured"));

    private static string StripeSubscriptionId(Subscription subscription) =>
        subscription.StripeSubscriptionId ?? throw new BillingException("plan", Msg.Of("StripeProvider.StripeSubscriptionNotActiveYetTry"));
}
