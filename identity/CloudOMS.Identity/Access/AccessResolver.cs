using System.Security.Claims;
using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Identity.Access;

public static class OmsClaims
{
    public const string Tenant = "tenant";
    public const string Kind = "oms_kind";
    public const string UserKind = "user";
    public const string ClientKind = "client";
    public const string ApiResource = "cloudoms-api";
    public const string ApiScope = "cloudoms.api";
}

/// <summary>
/// Resolves a signed-in principal to its grant from the database. API calls go through
/// <see cref="AccessGrants"/>, which remembers the answer until a change could take it away, so a role
/// edit, a deactivation or a revoked client takes effect at once. The tenant comes only from the
/// token's tenant claim, checked against membership; nothing the caller sends otherwise counts.
/// </summary>
public sealed class AccessResolver(IdentityDb db)
{
    public async Task<AccessGrant?> Resolve(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var tenantId = principal.FindFirstValue(OmsClaims.Tenant);
        var subject = principal.FindFirstValue("sub");
        if (tenantId is null || subject is null) return null;
        if (principal.FindFirstValue(OmsClaims.Kind) == OmsClaims.ClientKind)
        {
            var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == subject, cancellationToken);
            return client is { RevokedAt: null } && client.TenantId == tenantId
                ? new AccessGrant(tenantId, $"api:{client.Name}", client.Permissions.ToHashSet(), null)
                : null;
        }
        return await ForUser(subject, tenantId, cancellationToken);
    }

    public async Task<AccessGrant?> ForUser(string userId, string tenantId, CancellationToken cancellationToken = default)
    {
        var membership = await db.Memberships.AsNoTracking().Include(m => m.Roles)
            .FirstOrDefaultAsync(m => m.TenantId == tenantId && m.UserId == userId && m.Active, cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (membership is null || user is null) return null;
        var roleIds = membership.Roles.Select(r => r.RoleId).ToList();
        var roles = await db.TenantRoles.AsNoTracking().Where(r => r.TenantId == tenantId && roleIds.Contains(r.Id)).ToListAsync(cancellationToken);
        var permissions = roles.SelectMany(r => r.Permissions).ToHashSet();
        // A role without a warehouse list sees all; scope applies only when every role is scoped.
        IReadOnlySet<string>? warehouses = roles.Count > 0 && roles.All(r => r.Warehouses.Count > 0)
            ? roles.SelectMany(r => r.Warehouses).ToHashSet()
            : null;
        return new AccessGrant(tenantId, user.Email ?? user.UserName ?? userId, permissions, warehouses);
    }
}
