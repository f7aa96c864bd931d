namespace CloudOMS.Identity.Access;

/// <summary>
/// The plan's users quota, counted by the tenant (the portal host provides it). A member takes a seat when they
/// join or are reactivated and gives it back when deactivated. Without a provider (identity alone) there is no limit.
/// </summary>
public interface ITenantSeats
{
    /// <summary>Null when another member fits the plan; otherwise why not (Chinese, then English).</summary>
    Task<string?> Check(string tenantId);

    /// <summary>Takes a seat; null when taken, otherwise the refusal.</summary>
    Task<string?> Take(string tenantId);

    Task Return(string tenantId);
}
