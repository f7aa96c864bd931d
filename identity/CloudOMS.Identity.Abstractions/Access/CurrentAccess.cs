namespace CloudOMS.Identity.Access;

/// <summary>The caller's grant for this request, set by the access middleware for /api routes.</summary>
public sealed class CurrentAccess
{
    public AccessGrant? Grant { get; set; }

    public AccessGrant Required => Grant ?? throw new InvalidOperationException("No access grant was resolved for this request.");

    /// <summary>Whether the caller may see a warehouse's orders and stock.</summary>
    public bool Sees(string? warehouse) => Grant?.Sees(warehouse) ?? true;
}
