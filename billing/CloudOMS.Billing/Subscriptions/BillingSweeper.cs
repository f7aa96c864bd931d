using CloudOMS.Billing.Data;
using CloudOMS.Billing.Plans;
using CloudOMS.Billing.Providers;
using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudOMS.Billing.Subscriptions;

/// <summary>
/// What happens to subscriptions with time, once a minute: trials end, periods end (renewal invoices, pending
/// downgrades and cancellations), unpaid tenants become past due and, after the grace period, read-only;
/// entitlements not yet confirmed by their tenant grain are published again. Every instance may run it: each
/// change is saved under the subscription's version, so two sweepers never apply one step twice.
/// </summary>
public sealed class BillingSweeper(IServiceScopeFactory scopes, BillingClock clock, ILogger<BillingSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first pass waits an interval too: at start-up the silo and the demo seeding come first.
        using var timer = new PeriodicTimer(Interval, clock.Time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnce(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(error, "Billing sweep failed; the next one runs in {Interval}", Interval);
            }
        }
    }

    /// <summary>One pass over every subscription; returns how many changed.</summary>
    public async Task<int> RunOnce(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BillingDb>();
        var rules = services.GetRequiredService<SubscriptionRules>();
        var options = services.GetRequiredService<IOptions<BillingOptions>>().Value;
        var publisher = services.GetRequiredService<EntitlementPublisher>();
        var now = clock.GetUtcNow();
        await StartMissingTrials(db, services.GetRequiredService<ITenantAccounts>(), rules, cancellationToken);

        var changed = 0;
        var overdue = (await db.Invoices.Where(i => i.Status == InvoiceStatus.Open).ToListAsync(cancellationToken)).ToLookup(i => i.TenantId);
        foreach (var subscription in await db.Subscriptions.ToListAsync(cancellationToken))
        {
            var step = rules.Advance(subscription, now, out var renewal);
            if (renewal is { } period)
            {
                var plan = options.Plan(subscription.Plan);
                var billTo = BillTo.From(await services.GetRequiredService<IGrainFactory>().Tenant(subscription.TenantId).GetProfile(), subscription.TenantId);
                db.Invoices.Add(Invoices.Issue(subscription.TenantId, InvoiceKind.Renewal, plan, subscription.Cycle, plan.Price(subscription.Cycle),
                    period.Start, period.End, billTo, subscription.Provider, now, period.Start.AddDays(options.GraceDays)));
            }
            foreach (var invoice in overdue[subscription.TenantId].Where(i => i.DueAt <= now))
            {
                // A purchase not paid in time simply did not happen; an unpaid upgrade makes the tenant past due.
                if (invoice.Kind == InvoiceKind.Purchase) invoice.Status = InvoiceStatus.Void;
                else if (invoice.Kind == InvoiceKind.Upgrade && subscription.Status != SubscriptionStatus.PastDue)
                {
                    rules.PaymentFailed(subscription, now);
                    step = true;
                }
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed meanwhile by a payment or a webhook: the next pass starts again from what is stored. The pass
                // stops here, because clearing the tracker detaches the subscriptions still to come, and a renewal
                // invoice added for one of them would be saved without its subscription's change (then issued twice).
                db.ChangeTracker.Clear();
                break;
            }
            if (step) changed++;
            if (subscription.PublishedVersion < subscription.Version) await publisher.Publish(db, subscription, cancellationToken);
        }
        if (changed > 0) logger.LogInformation("Billing sweep changed {Count} subscriptions", changed);
        return changed;
    }

    private static async Task StartMissingTrials(BillingDb db, ITenantAccounts accounts, SubscriptionRules rules, CancellationToken cancellationToken)
    {
        var known = (await db.Subscriptions.Select(s => s.TenantId).ToListAsync(cancellationToken)).ToHashSet();
        var tenants = await accounts.All(cancellationToken);
        foreach (var tenant in tenants.Where(t => !known.Contains(t.Id)))
            db.Subscriptions.Add(rules.StartTrial(tenant.Id, tenant.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
    }
}
