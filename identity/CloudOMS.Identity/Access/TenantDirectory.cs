using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Identity.Access;

/// <summary>Creates the rest of a tenant (its grains) when it signs up; the portal host provides it.</summary>
public interface ITenantProvisioner
{
    Task Provision(string tenantId, string name, CancellationToken cancellationToken = default);
}

/// <summary>Tenants, memberships and roles.</summary>
public sealed class TenantDirectory(IdentityDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<TenantAccount>> TenantsOf(string userId) =>
        await (from m in db.Memberships
               join t in db.Tenants on m.TenantId equals t.Id
               where m.UserId == userId && m.Active
               orderby t.Name
               select t).AsNoTracking().ToListAsync();

    /// <summary>Adds a tenant with the role templates and makes <paramref name="adminUserId"/> its admin. Saved by the caller.</summary>
    public TenantAccount AddTenant(string id, string name, string contactName, string? phone, string adminUserId)
    {
        var tenant = new TenantAccount { Id = id, Name = name, ContactName = contactName, Phone = phone, CreatedAt = clock.GetUtcNow() };
        db.Tenants.Add(tenant);
        var roles = Permissions.Templates.Select(t => new TenantRole { Id = NewId(), TenantId = id, Name = t.Name, Permissions = [.. t.Permissions] }).ToList();
        db.TenantRoles.AddRange(roles);
        AddMember(id, adminUserId, [roles.Single(r => r.Name == Permissions.AdminRole).Id]);
        return tenant;
    }

    public void AddMember(string tenantId, string userId, IEnumerable<string> roleIds) =>
        db.Memberships.Add(new Membership
        {
            TenantId = tenantId,
            UserId = userId,
            CreatedAt = clock.GetUtcNow(),
            Roles = [.. roleIds.Distinct().Select(r => new MembershipRole { TenantId = tenantId, UserId = userId, RoleId = r })],
        });

    public static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
