using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;
using static CloudOMS.Identity.Access.Permissions;

namespace CloudOMS.Identity.Admin;

/// <summary>Tenant-defined roles: one code path for /api/roles and the portal's role editor.</summary>
public sealed class RoleAdmin(IdentityDb db, AuditLog audit, IServiceProvider services)
{
    public const int NameLength = 30;

    public async Task<IReadOnlyList<TenantRole>> List(string tenantId) =>
        await db.TenantRoles.AsNoTracking().Where(r => r.TenantId == tenantId).OrderBy(r => r.Name).ToListAsync();

    /// <summary>The rules that need no database: a name, at least one known permission, well-formed warehouse codes.</summary>
    public static Dictionary<string, string[]> Check(RoleInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > NameLength) errors["name"] = [Msg.Get("RoleAdmin.NameRequiredMostCharacters", NameLength)];
        if (input.Permissions is null || input.Permissions.Count == 0) errors["permissions"] = [Msg.Get("RoleAdmin.ChooseLeastOnePermission")];
        else if (input.Permissions.Any(p => !IsKnown(p))) errors["permissions"] = [Msg.Get("RoleAdmin.UnknownPermission")];
        if (input.Warehouses?.Any(w => string.IsNullOrWhiteSpace(w) || w.Length > 40) == true) errors["warehouses"] = [Msg.Get("RoleAdmin.InvalidWarehouseCode")];
        return errors;
    }

    public async Task<AdminResult> Create(AccessGrant actor, RoleInput input)
    {
        var tenantId = actor.TenantId;
        if (await Validate(actor, input, null) is { Count: > 0 } errors) return AdminResult.Invalid(errors);
        var role = new TenantRole { Id = TenantDirectory.NewId(), TenantId = tenantId, Name = input.Name!.Trim(), Permissions = [.. input.Permissions!.Distinct()], Warehouses = [.. (input.Warehouses ?? []).Distinct()] };
        db.TenantRoles.Add(role);
        await db.SaveChangesAsync();
        await audit.Write(tenantId, actor.Actor, "role.created", role.Name, Detail(role));
        return AdminResult.Done(role);
    }

    public async Task<AdminResult> Update(AccessGrant actor, string roleId, RoleInput input)
    {
        var tenantId = actor.TenantId;
        var role = await db.TenantRoles.FirstOrDefaultAsync(r => r.Id == roleId && r.TenantId == tenantId);
        if (role is null) return AdminResult.NotFound();
        if (await Validate(actor, input, roleId) is { Count: > 0 } errors) return AdminResult.Invalid(errors);
        var permissions = input.Permissions!.Distinct().ToList();
        if (!await AdminGuard.KeepsAnAdmin(db, tenantId, role: (roleId, permissions))) return AdminResult.Conflict(AdminGuard.LastAdminMessage);
        (role.Name, role.Permissions, role.Warehouses) = (input.Name!.Trim(), permissions, [.. (input.Warehouses ?? []).Distinct()]);
        await db.SaveChangesAsync();
        await audit.Write(tenantId, actor.Actor, "role.changed", role.Name, Detail(role));
        return AdminResult.Done(role);
    }

    public async Task<AdminResult> Delete(AccessGrant actor, string roleId)
    {
        var tenantId = actor.TenantId;
        var role = await db.TenantRoles.FirstOrDefaultAsync(r => r.Id == roleId && r.TenantId == tenantId);
        if (role is null) return AdminResult.NotFound();
        if (await db.MembershipRoles.AnyAsync(m => m.TenantId == tenantId && m.RoleId == roleId))
            return AdminResult.Conflict(Msg.Get("RoleAdmin.RoleStillAssigned"));
        db.TenantRoles.Remove(role);
        await db.SaveChangesAsync();
        await audit.Write(tenantId, actor.Actor, "role.deleted", role.Name);
        return AdminResult.Done();
    }

    private async Task<Dictionary<string, string[]>> Validate(AccessGrant actor, RoleInput input, string? roleId)
    {
        var tenantId = actor.TenantId;
        var errors = Check(input);
        // Nobody hands out more than they hold: no permission they lack, no warehouse outside their own scope.
        if (!errors.ContainsKey("permissions") && !GrantLimits.HoldsAll(actor, input.Permissions!))
            errors["permissions"] = [GrantLimits.PermissionMessage];
        if (!errors.ContainsKey("warehouses") && !GrantLimits.WithinScope(actor, input.Warehouses))
            errors["warehouses"] = [GrantLimits.ScopeMessage];
        var name = input.Name?.Trim();
        if (!errors.ContainsKey("name") && await db.TenantRoles.AnyAsync(r => r.TenantId == tenantId && r.Name == name && r.Id != roleId))
            errors["name"] = [Msg.Get("RoleAdmin.RoleNameExists")];
        if (!errors.ContainsKey("warehouses") && input.Warehouses is { Count: > 0 } codes && services.GetService<ITenantWarehouses>() is { } warehouses)
        {
            var known = await warehouses.Codes(tenantId);
            if (codes.FirstOrDefault(c => !known.Contains(c)) is { } unknown) errors["warehouses"] = [Msg.Get("RoleAdmin.WarehouseDoesNotExist", unknown)];
        }
        return errors;
    }

    private static string Detail(TenantRole role) =>
        string.Join(",", role.Permissions) + (role.Warehouses.Count > 0 ? " @" + string.Join(",", role.Warehouses) : "");
}
