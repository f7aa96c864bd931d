using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Identity.Admin;

public sealed record MemberInfo(string Id, string? Email, string DisplayName, bool Active, bool TwoFactorEnabled, IReadOnlyList<string> RoleIds);

/// <summary>A tenant's members and its security policy: one code path for /api/users, /api/tenant/security and the portal.</summary>
public sealed class MemberAdmin(IdentityDb db, AuditLog audit, IServiceProvider services)
{
    public async Task<IReadOnlyList<MemberInfo>> List(string tenantId)
    {
        var members = await (from m in db.Memberships.Include(m => m.Roles)
                             join u in db.Users on m.UserId equals u.Id
                             where m.TenantId == tenantId
                             orderby u.Email
                             select new { u.Id, u.Email, u.DisplayName, m.Active, u.TwoFactorEnabled, RoleIds = m.Roles.Select(r => r.RoleId).ToList() })
            .AsNoTracking().ToListAsync();
        return [.. members.Select(m => new MemberInfo(m.Id, m.Email, m.DisplayName, m.Active, m.TwoFactorEnabled, m.RoleIds))];
    }

    public async Task<AdminResult> SetRoles(AccessGrant actor, string userId, IReadOnlyList<string>? roleIds)
    {
        var tenantId = actor.TenantId;
        var membership = await db.Memberships.Include(m => m.Roles).FirstOrDefaultAsync(m => m.TenantId == tenantId && m.UserId == userId);
        if (membership is null) return AdminResult.NotFound();
        var ids = (roleIds ?? []).Distinct().ToList();
        var roles = await db.TenantRoles.AsNoTracking().Where(r => r.TenantId == tenantId && ids.Contains(r.Id)).ToListAsync();
        if (roles.Count != ids.Count)
            return AdminResult.Invalid("roleIds", Msg.Get("MemberAdmin.UnknownRole"));
        if (roles.Any(r => !GrantLimits.HoldsAll(actor, r.Permissions) || !GrantLimits.WithinScope(actor, r.Warehouses)))
            return AdminResult.Invalid("roleIds", GrantLimits.RoleMessage);
        if (!await AdminGuard.KeepsAnAdmin(db, tenantId, member: (userId, membership.Active, ids))) return AdminResult.Conflict(AdminGuard.LastAdminMessage);
        membership.Roles.Clear();
        membership.Roles.AddRange(ids.Select(r => new MembershipRole { TenantId = tenantId, UserId = userId, RoleId = r }));
        await db.SaveChangesAsync();
        await audit.Write(tenantId, actor.Actor, "member.roles-changed", userId, string.Join(",", ids));
        return AdminResult.Done();
    }

    public async Task<AdminResult> SetActive(AccessGrant actor, string userId, bool active)
    {
        var tenantId = actor.TenantId;
        var membership = await db.Memberships.Include(m => m.Roles).FirstOrDefaultAsync(m => m.TenantId == tenantId && m.UserId == userId);
        if (membership is null) return AdminResult.NotFound();
        if (!active && !await AdminGuard.KeepsAnAdmin(db, tenantId, member: (userId, false, [.. membership.Roles.Select(r => r.RoleId)])))
            return AdminResult.Conflict(AdminGuard.LastAdminMessage);
        var seats = membership.Active == active ? null : services.GetService<ITenantSeats>();
        if (active && seats is not null && await seats.Take(tenantId) is { } full) return AdminResult.PaymentRequired(full);
        membership.Active = active;
        try
        {
            await db.SaveChangesAsync();
        }
        catch when (active && seats is not null)
        {
            await seats.Return(tenantId);
            throw;
        }
        if (!active && seats is not null) await seats.Return(tenantId);
        await audit.Write(tenantId, actor.Actor, active ? "member.activated" : "member.deactivated", userId);
        return AdminResult.Done();
    }

    public async Task<bool> RequiresTwoFactor(string tenantId) =>
        await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.RequireTwoFactor).FirstOrDefaultAsync();

    /// <summary>Whether every member must sign in with a second factor; the value is the tenant.</summary>
    public async Task<AdminResult> SetTwoFactorPolicy(AccessGrant actor, bool required)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == actor.TenantId);
        tenant.RequireTwoFactor = required;
        await db.SaveChangesAsync();
        await audit.Write(tenant.Id, actor.Actor, "tenant.2fa-policy", detail: required ? "required" : "optional");
        return AdminResult.Done(tenant);
    }
}
