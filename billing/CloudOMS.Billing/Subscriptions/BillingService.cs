using CloudOMS.Billing.Data;
using CloudOMS.Billing.Plans;
using CloudOMS.Billing.Providers;
using CloudOMS.Grains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudOMS.Billing.Subscriptions;

/// <summary>A refused billing request: the field at fault and a message in Chinese, then English.</summary>
public sealed class BillingException(string field, Text message) : Exception(message.Render(Languages.Chinese))
{
    public string Field { get; } = field;

    /// <summary>The refusal, worded when shown in the reader's language.</summary>
    public Text Text { get; } = message;
}

/// <summary>What a tenant's billing page shows.</summary>
public sealed record BillingOverview(Subscription Subscription, PlanOptions Plan, TenantUsage Usage, DateTimeOffset? ReadOnlyFrom,
    IReadOnlyList<Invoice> OpenInvoices, IReadOnlyList<string> Providers);

/// <summary>The outcome of a plan change: applied now, waiting for the period end, or waiting for a payment.</summary>
public sealed record ChangeOutcome(string Result, Invoice? Invoice, string? RedirectUrl, DateTimeOffset? EffectiveAt);

/// <summary>
/// A tenant's subscription as its admin and the payment providers change it. Every change is saved, then
/// published to the tenant's grain (which enforces it). Unknown plans and impossible moves are refused with
/// a <see cref="BillingException"/> naming the field.
/// </summary>
public sealed class BillingService(
    BillingDb db, SubscriptionRules rules, IOptions<BillingOptions> options, IEnumerable<IBillingProvider> providers,
    EntitlementPublisher publisher, IGrainFactory grains, BillingClock clock)
{
    private BillingOptions Options => options.Value;

    public IReadOnlyList<string> ProviderNames => [.. providers.Select(p => p.Name)];

    /// <summary>The tenant's subscription; a tenant from before billing starts its trial from now.</summary>
    public async Task<Subscription> Get(string tenantId, CancellationToken cancellationToken = default)
    {
        if (await db.Subscriptions.FindAsync([tenantId], cancellationToken) is { } found) return found;
        var created = rules.StartTrial(tenantId, clock.GetUtcNow());
        db.Subscriptions.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Started at the same moment elsewhere (the sweeper, another request): theirs stands.
            db.ChangeTracker.Clear();
            return await db.Subscriptions.SingleAsync(s => s.TenantId == tenantId, cancellationToken);
        }
        await publisher.Publish(db, created, cancellationToken);
        return created;
    }

    /// <summary>Puts a tenant on a paid plan for one period at once, with no invoice (the seeded demo company).</summary>
    public async Task StartPaid(string tenantId, string planCode, BillingCycle cycle, CancellationToken cancellationToken = default)
    {
        var subscription = await Get(tenantId, cancellationToken);
        var now = clock.GetUtcNow();
        subscription.Plan = Options.Plan(planCode).Code;
        subscription.Cycle = cycle;
        subscription.Status = SubscriptionStatus.Active;
        subscription.TrialEndsAt = null;
        subscription.PeriodStart = now;
        subscription.PeriodEnd = SubscriptionRules.Next(now, cycle);
        rules.Changed(subscription, now);
        await Save(subscription, cancellationToken);
    }

    public async Task<BillingOverview> Overview(string tenantId, CancellationToken cancellationToken = default)
    {
        var subscription = await Get(tenantId, cancellationToken);
        var usage = (await grains.Tenant(tenantId).GetBilling()).Usage;
        var open = await db.Invoices.Where(i => i.TenantId == tenantId && i.Status == InvoiceStatus.Open).AsNoTracking().ToListAsync(cancellationToken);
        return new BillingOverview(subscription, Options.Plan(subscription.Plan), usage, rules.ReadOnlyFrom(subscription),
            [.. open.OrderBy(i => i.IssuedAt)], ProviderNames);
    }

    /// <summary>
    /// Moves to <paramref name="planCode"/>: a trial or free tenant buys it (starts when paid); a paying tenant
    /// upgrades at once (the difference invoiced) or downgrades at period end (refused while usage exceeds it).
    /// </summary>
    public async Task<ChangeOutcome> Change(string tenantId, string? planCode, BillingCycle cycle, string? providerName, string returnUrl, CancellationToken cancellationToken = default)
    {
        var plan = Options.Find(planCode) ?? throw new BillingException("plan", Msg.Of("BillingService.NoSuchPlan"));
        var subscription = await Get(tenantId, cancellationToken);
        var now = clock.GetUtcNow();
        ChangeOutcome outcome;
        if (SubscriptionRules.IsUnpaid(subscription))
        {
            if (plan.IsFree) throw new BillingException("plan", Msg.Of("BillingService.FreePlanNeedsNoPurchaseFollows"));
            var provider = Provider(providerName);
            var billTo = BillTo.From(await grains.Tenant(tenantId).GetProfile(), tenantId);
            var started = await provider.StartPurchase(new PurchaseRequest(subscription, plan, cycle, billTo, returnUrl, returnUrl), cancellationToken);
            if (started.Invoice is { } invoice)
            {
                // One purchase waits at a time: an earlier unpaid one is withdrawn.
                await db.Invoices.Where(i => i.TenantId == tenantId && i.Kind == InvoiceKind.Purchase && i.Status == InvoiceStatus.Open)
                    .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvoiceStatus.Void), cancellationToken);
                db.Invoices.Add(invoice);
            }
            subscription.Provider = provider.Name;
            outcome = new ChangeOutcome("awaiting-payment", started.Invoice, started.RedirectUrl, null);
        }
        else if (Options.Rank(plan.Code) > Options.Rank(subscription.Plan) && cycle == subscription.Cycle)
        {
            var difference = rules.UpgradeNow(subscription, plan, now);
            var billTo = BillTo.From(await grains.Tenant(tenantId).GetProfile(), tenantId);
            var invoice = await Provider(subscription.Provider).PlanChanged(subscription, plan, difference, billTo, cancellationToken);
            if (invoice is not null) db.Invoices.Add(invoice);
            outcome = new ChangeOutcome("changed", invoice, null, now);
        }
        else
        {
            if (plan.Code == subscription.Plan && cycle == subscription.Cycle) throw new BillingException("plan", Msg.Of("BillingService.AlreadyPlan"));
            // Stripe renews these itself; a change for the next period is made where Stripe bills it.
            if (subscription.Provider == StripeOptions.Name)
                throw new BillingException("plan", Msg.Of("BillingService.SubscriptionPaidThroughStripeDowngradedMoved"));
            var usage = (await grains.Tenant(tenantId).GetBilling()).Usage;
            if (SubscriptionRules.Exceeded(plan, usage) is { Count: > 0 } exceeded)
                throw new BillingException("plan", DowngradeRefusal(plan, exceeded));
            subscription.PendingPlan = plan.Code;
            subscription.PendingCycle = cycle;
            subscription.CancelAtPeriodEnd = false;
            rules.Changed(subscription, now);
            outcome = new ChangeOutcome("at-period-end", null, null, subscription.PeriodEnd);
        }
        await Save(subscription, cancellationToken);
        return outcome;
    }

    /// <summary>Stops renewing: the plan runs to the period's end, then the tenant is on the free plan. Data stays.</summary>
    public async Task<Subscription> Cancel(string tenantId, bool cancel, CancellationToken cancellationToken = default)
    {
        var subscription = await Get(tenantId, cancellationToken);
        if (SubscriptionRules.IsUnpaid(subscription))
            throw new BillingException("plan", cancel
                ? Msg.Of("BillingService.ThereNoPaidSubscriptionCancel")
                : Msg.Of("BillingService.ThereNoPaidSubscriptionKeepRenewing"));
        await Provider(subscription.Provider).CancelAtPeriodEnd(subscription, cancel, cancellationToken);
        subscription.CancelAtPeriodEnd = cancel;
        if (cancel) subscription.PendingPlan = null;
        subscription.PendingCycle = null;
        rules.Changed(subscription, clock.GetUtcNow());
        await Save(subscription, cancellationToken);
        return subscription;
    }

    public async Task<IReadOnlyList<Invoice>> Invoices(string tenantId, CancellationToken cancellationToken = default) =>
        await db.Invoices.Where(i => i.TenantId == tenantId && i.Status != InvoiceStatus.Void).OrderByDescending(i => i.IssuedAt).AsNoTracking().ToListAsync(cancellationToken);

    public Task<Invoice?> Invoice(string tenantId, string invoiceId, CancellationToken cancellationToken = default) =>
        db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.TenantId == tenantId && i.Id == invoiceId, cancellationToken);

    public async Task<string?> ManagementUrl(string tenantId, string returnUrl, CancellationToken cancellationToken = default)
    {
        var subscription = await Get(tenantId, cancellationToken);
        return await Provider(subscription.Provider).ManagementUrl(subscription, returnUrl, cancellationToken);
    }

    /// <summary>Records a payment of an open invoice (an operator matched a transfer, or Stripe said so); paying twice changes nothing.</summary>
    public async Task<Invoice?> MarkPaid(string invoiceId, string paidBy, CancellationToken cancellationToken = default)
    {
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null || invoice.Status == InvoiceStatus.Paid) return invoice;
        if (invoice.Status == InvoiceStatus.Void) throw new BillingException("invoice", Msg.Of("BillingService.InvoiceWithdrawn"));
        var now = clock.GetUtcNow();
        invoice.Status = InvoiceStatus.Paid;
        invoice.PaidAt = now;
        invoice.PaidBy = paidBy;
        var subscription = await Get(invoice.TenantId, cancellationToken);
        rules.Paid(subscription, invoice, now);
        await Save(subscription, cancellationToken);
        return invoice;
    }

    /// <summary>Saves the subscription with whatever else changed, then publishes it to the tenant's grain.</summary>
    public async Task Save(Subscription subscription, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await publisher.Publish(db, subscription, cancellationToken);
    }

    private IBillingProvider Provider(string? name)
    {
        name ??= Options.Provider;
        return providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new BillingException("provider", Msg.Of("BillingService.UnsupportedPaymentMethod", string.Join("、", ProviderNames)));
    }

    private static Text DowngradeRefusal(PlanOptions plan, IReadOnlyList<(UsageKind Kind, int Used, int Limit)> exceeded)
    {
        var name = Text.Translated(new Dictionary<string, string> { [Languages.Chinese.Name] = plan.NameZh, [Languages.English.Name] = plan.NameEn });
        return Msg.Of("BillingService.UsageExceedsPlan", name, exceeded.Select(e => Msg.Of($"BillingService.Exceeded.{e.Kind}", e.Used, name, e.Limit)).ToList());
    }}
