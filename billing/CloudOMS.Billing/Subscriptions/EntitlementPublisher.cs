using CloudOMS.Billing.Data;
using CloudOMS.Grains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudOMS.Billing.Subscriptions;

/// <summary>
/// Tells a tenant's grain what its subscription now allows, after the subscription is saved. A publication
/// that fails is not lost: the subscription stays marked unpublished and the billing sweeper publishes it
/// again; the grain keeps the highest version, so repeats and late arrivals are harmless.
/// </summary>
public sealed class EntitlementPublisher(IGrainFactory grains, SubscriptionRules rules, ILogger<EntitlementPublisher> logger)
{
    public async Task<bool> Publish(BillingDb db, Subscription subscription, CancellationToken cancellationToken)
    {
        var entitlement = rules.Entitlement(subscription);
        try
        {
            await grains.Tenant(subscription.TenantId).ApplyEntitlement(entitlement);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Entitlement {Version} of tenant {TenantId} not published yet; the billing sweeper retries", entitlement.Version, subscription.TenantId);
            return false;
        }
        await db.Subscriptions
            .Where(s => s.TenantId == subscription.TenantId && s.PublishedVersion < entitlement.Version)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.PublishedVersion, entitlement.Version), cancellationToken);
        return true;
    }
}
