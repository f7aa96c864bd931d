using CloudOMS.Billing.Data;
using CloudOMS.Billing.Plans;
using CloudOMS.Billing.Subscriptions;
using CloudOMS.Grains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using Invoice = CloudOMS.Billing.Data.Invoice;
using Subscription = CloudOMS.Billing.Data.Subscription;

namespace CloudOMS.Billing.Providers;

/// <summary>
/// What each Stripe event means for a tenant's subscription and invoices. Changes are made to tracked entities
/// and not saved here: <see cref="StripeWebhook"/> saves them together with the record of the event.
/// </summary>
public sealed class StripeEvents(BillingDb db, SubscriptionRules rules, IOptions<BillingOptions> options, IGrainFactory grains, BillingClock clock)
{
    public const string PaidBy = "stripe";

    private BillingOptions Options => options.Value;

    /// <summary>Applies the event; returns the tenant's subscription it is about (changed or not), or null for none.</summary>
    public async Task<Subscription?> Apply(Event stripeEvent, CancellationToken cancellationToken)
    {
        var created = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        return (stripeEvent.Type, stripeEvent.Data.Object) switch
        {
            (EventTypes.CheckoutSessionCompleted, Session session) => await CheckoutCompleted(session, created, cancellationToken),
            (EventTypes.InvoicePaid, Stripe.Invoice invoice) => await InvoicePaid(invoice, cancellationToken),
            (EventTypes.InvoicePaymentFailed, Stripe.Invoice invoice) => await PaymentFailed(invoice, cancellationToken),
            (EventTypes.CustomerSubscriptionUpdated, Stripe.Subscription updated) => await SubscriptionUpdated(updated, created, cancellationToken),
            (EventTypes.CustomerSubscriptionDeleted, Stripe.Subscription deleted) => await SubscriptionDeleted(deleted, created, cancellationToken),
            _ => null,
        };
    }

    /// <summary>The buyer paid at Checkout: the plan bought starts at once, and the payment is on record as a paid invoice.</summary>
    private async Task<Subscription?> CheckoutCompleted(Session session, DateTimeOffset created, CancellationToken cancellationToken)
    {
        var s = await Find(session.ClientReferenceId ?? session.Metadata?.GetValueOrDefault(StripeMetadata.Tenant), session.CustomerId, session.SubscriptionId, cancellationToken);
        if (s is null || Options.Find(session.Metadata?.GetValueOrDefault(StripeMetadata.Plan)) is not { } plan
            || StripeMetadata.CycleOf(session.Metadata?.GetValueOrDefault(StripeMetadata.Cycle)) is not { } cycle) return s;
        var now = clock.GetUtcNow();
        var (start, end) = Period(session.Subscription) ?? (now, SubscriptionRules.Next(now, cycle));
        var purchase = await Issue(s, InvoiceKind.Purchase, plan, cycle, Money(session.AmountTotal), session.Currency, start, end, now);
        purchase.Status = InvoiceStatus.Paid;
        purchase.PaidAt = now;
        purchase.PaidBy = PaidBy;
        purchase.StripeInvoiceId = session.InvoiceId;
        if (session.InvoiceId is null || !await db.Invoices.AnyAsync(i => i.StripeInvoiceId == session.InvoiceId, cancellationToken)) db.Invoices.Add(purchase);
        s.Provider = StripeOptions.Name;
        s.StripeCustomerId = session.CustomerId ?? s.StripeCustomerId;
        // A subscription event newer than this one already said what the plan is now.
        if (s.StripeSubscriptionId == session.SubscriptionId && s.StripeStateAt > created) return s;
        s.StripeSubscriptionId = session.SubscriptionId ?? s.StripeSubscriptionId;
        rules.Paid(s, purchase, now);
        (s.PeriodStart, s.PeriodEnd) = (start, end);
        return s;
    }

    /// <summary>Stripe collected an invoice (the first, a renewal, a proration): it is on record as paid, and past due ends at once.</summary>
    private async Task<Subscription?> InvoicePaid(Stripe.Invoice paid, CancellationToken cancellationToken)
    {
        var s = await Find(paid, cancellationToken);
        if (s is null) return null;
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.StripeInvoiceId == paid.Id, cancellationToken);
        if (invoice is { Status: InvoiceStatus.Paid }) return s;
        var now = clock.GetUtcNow();
        invoice ??= await IssueFor(s, paid, now);
        invoice.Status = InvoiceStatus.Paid;
        invoice.Amount = Money(paid.AmountPaid);
        invoice.PaidAt = now;
        invoice.PaidBy = PaidBy;
        if (invoice.Kind == InvoiceKind.Purchase && Options.Find(invoice.Plan) is not { IsFree: false }) return s;
        s.Provider = StripeOptions.Name;
        rules.Paid(s, invoice, now);
        if (invoice.Kind == InvoiceKind.Purchase) (s.PeriodStart, s.PeriodEnd) = (invoice.PeriodStart, invoice.PeriodEnd);
        return s;
    }

    /// <summary>Stripe could not collect: the invoice stays open and the tenant is past due (read-only once the grace period ends).</summary>
    private async Task<Subscription?> PaymentFailed(Stripe.Invoice failed, CancellationToken cancellationToken)
    {
        var s = await Find(failed, cancellationToken);
        // A first payment failing at Checkout bought nothing: there is nothing to be past due on.
        if (s is null || SubscriptionRules.IsUnpaid(s)) return s;
        var now = clock.GetUtcNow();
        if (!await db.Invoices.AnyAsync(i => i.StripeInvoiceId == failed.Id, cancellationToken)) await IssueFor(s, failed, now);
        rules.PaymentFailed(s, now);
        return s;
    }

    /// <summary>
    /// Stripe's subscription as it is now: plan (from the item's price), status, period and cancel-at-period-end.
    /// Stripe does not deliver events in order, so one older than the state already applied is ignored.
    /// </summary>
    private async Task<Subscription?> SubscriptionUpdated(Stripe.Subscription updated, DateTimeOffset created, CancellationToken cancellationToken)
    {
        var s = await Find(updated.Metadata?.GetValueOrDefault(StripeMetadata.Tenant), updated.CustomerId, updated.Id, cancellationToken);
        if (s is null || s.StripeStateAt > created || (s.StripeSubscriptionId is { } known && known != updated.Id)) return s;
        var paying = updated.Status is "active" or "trialing";
        // Incomplete (first payment pending), cancelled or paused subscriptions grant nothing; their own events say what ends.
        if (!paying && updated.Status is not ("past_due" or "unpaid")) return s;
        var now = clock.GetUtcNow();
        var item = updated.Items?.Data?.FirstOrDefault();
        if (Options.Stripe.PlanOf(item?.Price?.Id) is { } bought && Options.Find(bought.Plan) is { } plan
            && (plan.Code != s.Plan || bought.Cycle != s.Cycle || s.Status == SubscriptionStatus.Trialing))
        {
            (s.Plan, s.Cycle) = (plan.Code, bought.Cycle);
            (s.PendingPlan, s.PendingCycle) = (null, null);
        }
        if (item is not null) (s.PeriodStart, s.PeriodEnd) = (Utc(item.CurrentPeriodStart), Utc(item.CurrentPeriodEnd));
        s.Provider = StripeOptions.Name;
        s.StripeSubscriptionId = updated.Id;
        s.StripeCustomerId = updated.CustomerId ?? s.StripeCustomerId;
        s.CancelAtPeriodEnd = updated.CancelAtPeriodEnd;
        s.TrialEndsAt = null;
        if (paying) (s.Status, s.PastDueSince) = (SubscriptionStatus.Active, null);
        else if (s.Status != SubscriptionStatus.PastDue) (s.Status, s.PastDueSince) = (SubscriptionStatus.PastDue, now);
        s.StripeStateAt = created;
        rules.Changed(s, now);
        return s;
    }

    /// <summary>The Stripe subscription ended (cancelled at period end, or unpaid for good): the free plan, data kept.</summary>
    private async Task<Subscription?> SubscriptionDeleted(Stripe.Subscription deleted, DateTimeOffset created, CancellationToken cancellationToken)
    {
        var s = await Find(deleted.Metadata?.GetValueOrDefault(StripeMetadata.Tenant), deleted.CustomerId, deleted.Id, cancellationToken);
        // Only the subscription the tenant has now can end it; an earlier one's end changes nothing.
        if (s is null || s.StripeSubscriptionId != deleted.Id) return s;
        (s.Plan, s.Cycle, s.Status) = (Options.FreePlan, BillingCycle.Monthly, SubscriptionStatus.Active);
        (s.PeriodStart, s.PeriodEnd, s.TrialEndsAt, s.PastDueSince) = (null, null, null, null);
        (s.PendingPlan, s.PendingCycle, s.CancelAtPeriodEnd) = (null, null, false);
        s.StripeSubscriptionId = null;
        s.StripeStateAt = s.StripeStateAt > created ? s.StripeStateAt : created;
        rules.Changed(s, clock.GetUtcNow());
        return s;
    }

    /// <summary>The tenant an event is about: from our metadata, else by the Stripe customer or subscription it holds.</summary>
    private async Task<Subscription?> Find(string? tenantId, string? customerId, string? subscriptionId, CancellationToken cancellationToken) =>
        (string.IsNullOrEmpty(tenantId) ? null : await db.Subscriptions.FindAsync([tenantId], cancellationToken))
        ?? (customerId is null ? null : await db.Subscriptions.FirstOrDefaultAsync(s => s.StripeCustomerId == customerId, cancellationToken))
        ?? (subscriptionId is null ? null : await db.Subscriptions.FirstOrDefaultAsync(s => s.StripeSubscriptionId == subscriptionId, cancellationToken));

    private Task<Subscription?> Find(Stripe.Invoice invoice, CancellationToken cancellationToken)
    {
        var details = invoice.Parent?.SubscriptionDetails;
        return Find(details?.Metadata?.GetValueOrDefault(StripeMetadata.Tenant), invoice.CustomerId, details?.SubscriptionId, cancellationToken);
    }

    /// <summary>A new invoice on record for a Stripe invoice: a purchase while the tenant pays nothing yet, else a renewal or an upgrade.</summary>
    private async Task<Invoice> IssueFor(Subscription s, Stripe.Invoice stripeInvoice, DateTimeOffset now)
    {
        var line = stripeInvoice.Lines?.Data?.FirstOrDefault();
        var (planCode, cycle) = Options.Stripe.PlanOf(line?.Pricing?.PriceDetails?.PriceId) ?? (s.Plan, s.Cycle);
        var kind = SubscriptionRules.IsUnpaid(s) ? InvoiceKind.Purchase
            : stripeInvoice.BillingReason == "subscription_update" ? InvoiceKind.Upgrade : InvoiceKind.Renewal;
        var start = line?.Period?.Start is { } from ? Utc(from) : Utc(stripeInvoice.PeriodStart);
        var end = line?.Period?.End is { } to ? Utc(to) : Utc(stripeInvoice.PeriodEnd);
        var invoice = await Issue(s, kind, Options.Find(planCode) ?? Options.Plan(s.Plan), cycle, Money(stripeInvoice.AmountDue), stripeInvoice.Currency, start, end, now);
        invoice.StripeInvoiceId = stripeInvoice.Id;
        db.Invoices.Add(invoice);
        return invoice;
    }

    private async Task<Invoice> Issue(Subscription s, InvoiceKind kind, PlanOptions plan, BillingCycle cycle, decimal amount, string? currency,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var billTo = BillTo.From(await grains.Tenant(s.TenantId).GetProfile(), s.TenantId);
        var invoice = Invoices.Issue(s.TenantId, kind, plan, cycle, amount, start, end, billTo, StripeOptions.Name, now, now.AddDays(Options.GraceDays));
        invoice.Currency = string.IsNullOrEmpty(currency) ? invoice.Currency : currency.ToUpperInvariant();
        return invoice;
    }

    private static (DateTimeOffset Start, DateTimeOffset End)? Period(Stripe.Subscription? subscription) =>
        subscription?.Items?.Data?.FirstOrDefault() is { } item ? (Utc(item.CurrentPeriodStart), Utc(item.CurrentPeriodEnd)) : null;

    // Stripe amounts are in the currency's smallest unit (分 for CNY).
    private static decimal Money(long? minorUnits) => (minorUnits ?? 0) / 100m;

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
