using CloudOMS.Billing.Plans;
using CloudOMS.Billing.Subscriptions;
using CloudOMS.Identity.Access;

namespace CloudOMS.WebPortal.Billing;

/// <summary>
/// The billing page's changes, made as POST /api/billing/change and /cancel make them: through
/// <see cref="BillingService"/>, then written to the tenant's audit log with the member as the actor.
/// Run in a scope of its own per action (<see cref="Ui.AdminActions"/>).
/// </summary>
public sealed class BillingActions(BillingService billing, AuditLog audit)
{
    public async Task<ChangeOutcome> Change(AccessGrant grant, string plan, BillingCycle cycle, string? provider, string returnUrl)
    {
        var outcome = await billing.Change(grant.TenantId, plan, cycle, provider, returnUrl);
        await audit.Write(grant.TenantId, grant.Actor, "billing.plan-change", plan, $"{cycle} {outcome.Result}");
        return outcome;
    }

    public async Task<bool> Cancel(AccessGrant grant, bool cancel)
    {
        await billing.Cancel(grant.TenantId, cancel);
        await audit.Write(grant.TenantId, grant.Actor, cancel ? "billing.cancel" : "billing.resume", grant.TenantId);
        return cancel;
    }
}
