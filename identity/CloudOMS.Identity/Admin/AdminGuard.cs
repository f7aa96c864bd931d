using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Identity.Admin;

/// <summary>
/// A company must never lock itself out: after any change to members or roles, at least one active
/// member still holds <see cref="Permissions.UsersManage"/> (and so can repair the rest).
/// </summary>
public static class AdminGuard
{
    public static string LastAdminMessage => Msg.Get("AdminGuard.LeastOneActiveMemberKeepPermission");

    /// <param name="member">A member's new state (active, role ids), or null.</param>
    /// <param name="role">A role's new permissions, or null.</param>
    public static async Task<bool> KeepsAnAdmin(IdentityDb db, string tenantId,
        (string UserId, bool Active, IReadOnlyCollection<string> RoleIds)? member = null,
        (string RoleId, IReadOnlyCollection<string> Permissions)? role = null)
    {
        var memberships = await db.Memberships.AsNoTracking().Include(m => m.Roles).Where(m => m.TenantId == tenantId).ToListAsync();
        var managing = await db.TenantRoles.AsNoTracking().Where(r => r.TenantId == tenantId).ToListAsync();
        var adminRoles = managing
            .Where(r => (role is { } changed && changed.RoleId == r.Id ? changed.Permissions : r.Permissions).Contains(Permissions.UsersManage))
            .Select(r => r.Id).ToHashSet();
        return memberships.Any(m =>
        {
            var (active, roleIds) = member is { } changed && changed.UserId == m.UserId
                ? (changed.Active, changed.RoleIds)
                : (m.Active, (IReadOnlyCollection<string>)[.. m.Roles.Select(r => r.RoleId)]);
            return active && roleIds.Any(adminRoles.Contains);
        });
    }
}
