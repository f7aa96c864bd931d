using CloudOMS.Billing.Data;
using CloudOMS.Billing.Plans;
using CloudOMS.Billing.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace CloudOMS.Billing.Providers;

public enum WebhookOutcome
{
    Applied,

    /// <summary>The event was processed before (Stripe delivers at least once): nothing changed.</summary>
    Duplicate,

    /// <summary>The signature is missing, wrong or too old: the body was not read as an event.</summary>
    Rejected,
}

/// <summary>
/// Receives Stripe webhooks: checks the signature against the endpoint's secret, applies each event once
/// (<see cref="StripeEvents"/>) and records its id in the same save as the changes it made, so a replay or a
/// concurrent second delivery finds the record (the event id is the key) and changes nothing. The tenant's
/// grain hears of the new entitlement after the save.
/// </summary>
public sealed class StripeWebhook(
    BillingDb db, StripeEvents events, EntitlementPublisher publisher, IOptions<BillingOptions> options, BillingClock clock, ILogger<StripeWebhook> logger)
{
    private const int Attempts = 3;

    public async Task<WebhookOutcome> Receive(string json, string? signature, CancellationToken cancellationToken)
    {
        if (Verified(json, signature) is not { } stripeEvent) return WebhookOutcome.Rejected;
        for (var attempt = 1; ; attempt++)
        {
            if (await db.ProcessedEvents.AsNoTracking().AnyAsync(e => e.EventId == stripeEvent.Id, cancellationToken))
                return WebhookOutcome.Duplicate;
            var subscription = await events.Apply(stripeEvent, cancellationToken);
            db.ProcessedEvents.Add(new ProcessedEvent
            {
                EventId = stripeEvent.Id,
                Type = stripeEvent.Type,
                TenantId = subscription?.TenantId,
                ProcessedAt = clock.GetUtcNow(),
            });
            try
            {
                // One SaveChanges, one transaction: the event's changes and its record commit together or not at all.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another delivery of the same event won (the next pass sees its record), or the sweeper or a
                // payment changed the subscription meanwhile (its version moved): apply again on what is stored now.
                db.ChangeTracker.Clear();
                continue;
            }
            logger.LogInformation("Stripe event {EventId} ({Type}) applied for tenant {TenantId}", stripeEvent.Id, stripeEvent.Type, subscription?.TenantId);
            if (subscription is not null && subscription.PublishedVersion < subscription.Version)
                await publisher.Publish(db, subscription, cancellationToken);
            return WebhookOutcome.Applied;
        }
    }

    private Event? Verified(string json, string? signature)
    {
        var secret = options.Value.Stripe.WebhookSecret;
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(signature)) return null;
        try
        {
            // Events of another API version are read as far as they go: the fields used here are stable.
            return EventUtility.ConstructEvent(json, signature, secret, throwOnApiVersionMismatch: false);
        }
        catch (Exception error) when (error is StripeException or ArgumentException or Newtonsoft.Json.JsonException)
        {
            logger.LogWarning("Stripe webhook refused: {Reason}", error.Message);
            return null;
        }
    }
}
