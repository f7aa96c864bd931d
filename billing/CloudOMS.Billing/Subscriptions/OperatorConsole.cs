using CloudOMS.Billing.Data;
using CloudOMS.Billing.Plans;
using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudOMS.Billing.Subscriptions;

/// <summary>A row of the operator's tenant list.</summary>
public sealed record TenantAccountRow(string TenantId, string Name, DateTimeOffset CreatedAt, Subscription Subscription, PlanOptions Plan,
    decimal MonthlyRevenue, TenantUsage? Usage, IReadOnlyList<Invoice> OpenInvoices);

/// <summary>
/// The platform operator's view of every tenant and the actions only the operator may take. Each action is
/// written to the tenant's audit log (its admins see what the platform did) with the operator as the actor.
/// </summary>
public sealed class OperatorConsole(
    BillingDb db, ITenantAccounts accounts, BillingService billing, SubscriptionRules rules, IOptions<BillingOptions> options,
    IGrainFactory grains, AuditLog audit, BillingClock clock)
{
    public async Task<IReadOnlyList<TenantAccountRow>> Tenants(string? search, CancellationToken cancellationToken = default)
    {
        var tenants = await accounts.Find(search, 200, cancellationToken);
        var ids = tenants.Select(t => t.Id).ToList();
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => ids.Contains(s.TenantId)).ToDictionaryAsync(s => s.TenantId, cancellationToken);
        var open = (await db.Invoices.AsNoTracking().Where(i => ids.Contains(i.TenantId) && i.Status == InvoiceStatus.Open).ToListAsync(cancellationToken))
            .ToLookup(i => i.TenantId);
        var rows = new List<TenantAccountRow>();
        foreach (var tenant in tenants)
        {
            var subscription = subscriptions.GetValueOrDefault(tenant.Id) ?? await billing.Get(tenant.Id, cancellationToken);
            var usage = await UsageOf(tenant.Id);
            rows.Add(new TenantAccountRow(tenant.Id, tenant.Name, tenant.CreatedAt, subscription, options.Value.Plan(subscription.Plan),
                MonthlyRevenue(subscription), usage, [.. open[tenant.Id]]));
        }
        return rows;
    }

    /// <summary>Monthly recurring revenue of every paying tenant, in CNY.</summary>
    public async Task<decimal> TotalMonthlyRevenue(CancellationToken cancellationToken = default) =>
        (await db.Subscriptions.AsNoTracking().ToListAsync(cancellationToken)).Sum(MonthlyRevenue);

    public decimal MonthlyRevenue(Subscription s) =>
        SubscriptionRules.IsUnpaid(s) ? 0 : options.Value.Plan(s.Plan).MonthlyRevenue(s.Cycle);

    /// <summary>Puts the tenant on a plan at once, without an invoice (a contract signed offline, a goodwill change).</summary>
    public Task ChangePlan(string tenantId, string planCode, string operatorEmail) =>
        Act(tenantId, operatorEmail, "billing.plan-changed", planCode, (s, now) =>
        {
            var plan = options.Value.Find(planCode) ?? throw new BillingException("plan", Msg.Of("BillingService.NoSuchPlan"));
            s.Plan = plan.Code;
            s.PendingPlan = null;
            s.PendingCycle = null;
            if (s.Status == SubscriptionStatus.Trialing && !plan.IsFree)
            {
                s.Status = SubscriptionStatus.Active;
                s.TrialEndsAt = null;
                s.PeriodStart = now;
                s.PeriodEnd = SubscriptionRules.Next(now, s.Cycle);
            }
        });

    public Task ExtendTrial(string tenantId, int days, string operatorEmail) =>
        Act(tenantId, operatorEmail, "billing.trial-extended", $"{days}", (s, now) =>
        {
            if (days is < 1 or > 90) throw new BillingException("days", Msg.Of("OperatorConsole.ExtendDays"));
            if (s.Status != SubscriptionStatus.Trialing) throw new BillingException("days", Msg.Of("OperatorConsole.CompanyNotTrial"));
            s.TrialEndsAt = (s.TrialEndsAt > now ? s.TrialEndsAt.Value : now).AddDays(days);
        });

    public Task Suspend(string tenantId, bool suspended, string operatorEmail) =>
        Act(tenantId, operatorEmail, suspended ? "billing.suspended" : "billing.resumed", null, (s, _) => s.Suspended = suspended);

    public async Task<Invoice?> MarkPaid(string invoiceId, string operatorEmail, CancellationToken cancellationToken = default)
    {
        var invoice = await billing.MarkPaid(invoiceId, operatorEmail, cancellationToken);
        if (invoice is not null) await audit.Write(invoice.TenantId, operatorEmail, "billing.invoice-paid", invoice.Number, $"{invoice.Amount:0.00} {invoice.Currency}");
        return invoice;
    }

    private async Task Act(string tenantId, string operatorEmail, string action, string? detail, Action<Subscription, DateTimeOffset> change)
    {
        var subscription = await billing.Get(tenantId);
        var now = clock.GetUtcNow();
        change(subscription, now);
        rules.Changed(subscription, now);
        await billing.Save(subscription, CancellationToken.None);
        await audit.Write(tenantId, operatorEmail, action, tenantId, detail);
    }

    private async Task<TenantUsage?> UsageOf(string tenantId)
    {
        try
        {
            return (await grains.Tenant(tenantId).GetBilling()).Usage;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return null;
        }
    }
}
