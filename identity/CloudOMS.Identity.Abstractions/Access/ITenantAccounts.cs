namespace CloudOMS.Identity.Access;

/// <summary>A company as billing and the platform operator list it.</summary>
public sealed record TenantSummary(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>The companies signed up, which the identity server keeps; billing reads them through this.</summary>
public interface ITenantAccounts
{
    Task<IReadOnlyList<TenantSummary>> All(CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="take"/> companies whose id or name contains <paramref name="search"/> (any when empty), by id.</summary>
    Task<IReadOnlyList<TenantSummary>> Find(string? search, int take, CancellationToken cancellationToken = default);
}
