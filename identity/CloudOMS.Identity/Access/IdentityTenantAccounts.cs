using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Identity.Access;

/// <summary>The companies in the identity database, for billing and the operator console.</summary>
internal sealed class IdentityTenantAccounts(IdentityDb db) : ITenantAccounts
{
    public async Task<IReadOnlyList<TenantSummary>> All(CancellationToken cancellationToken = default) =>
        await db.Tenants.AsNoTracking().Select(t => new TenantSummary(t.Id, t.Name, t.CreatedAt)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<TenantSummary>> Find(string? search, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Tenants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(t => t.Id.Contains(search) || t.Name.Contains(search));
        return await query.OrderBy(t => t.Id).Take(take).Select(t => new TenantSummary(t.Id, t.Name, t.CreatedAt)).ToListAsync(cancellationToken);
    }
}
