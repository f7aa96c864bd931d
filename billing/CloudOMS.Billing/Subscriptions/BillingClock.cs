namespace CloudOMS.Billing.Subscriptions;

/// <summary>
/// Billing's own clock: trials, periods and grace are days long, so tests move it forward without moving the
/// clock the grains and sign-in use.
/// </summary>
public sealed class BillingClock(TimeProvider time)
{
    public TimeProvider Time => time;

    public DateTimeOffset GetUtcNow() => time.GetUtcNow();
}
