using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;
using static CloudOMS.Identity.Access.Permissions;

namespace CloudOMS.Identity.Admin;

public sealed record RoleInput(string? Name, IReadOnlyList<string>? Permissions, IReadOnlyList<string>? Warehouses);

public sealed record ApiClientInput(string? Name, IReadOnlyList<string>? Permissions);

public sealed record MemberRolesInput(IReadOnlyList<string>? RoleIds);

public sealed record SecurityInput(bool RequireTwoFactor);

/// <summary>Tenant administration: roles, members, API clients, security settings and the audit log.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/permissions", () => Results.Ok(All)).RequirePermission(RequiresPermission.AnyMember).WithTags("Access");
        var roles = routes.MapGroup("/api/roles").WithTags("Access");
        roles.MapGet("/", ListRoles).RequirePermission(RolesManage);
        roles.MapPost("/", CreateRole).RequirePermission(RolesManage);
        roles.MapPut("/{roleId}", UpdateRole).RequirePermission(RolesManage);
        roles.MapDelete("/{roleId}", DeleteRole).RequirePermission(RolesManage);

        var users = routes.MapGroup("/api/users").WithTags("Access");
        users.MapGet("/", ListMembers).RequirePermission(UsersManage);
        users.MapPut("/{userId}/roles", SetRoles).RequirePermission(UsersManage);
        users.MapPost("/{userId}/deactivate", (string userId, IdentityDb db, CurrentAccess access, AuditLog audit) => SetActive(userId, false, db, access, audit)).RequirePermission(UsersManage);
        users.MapPost("/{userId}/activate", (string userId, IdentityDb db, CurrentAccess access, AuditLog audit) => SetActive(userId, true, db, access, audit)).RequirePermission(UsersManage);
        users.MapPost("/invitations", Invitations.Invite).RequirePermission(UsersManage);

        var clients = routes.MapGroup("/api/api-clients").WithTags("Access");
        clients.MapGet("/", async (IdentityDb db, CurrentAccess access) =>
            Results.Ok(await db.ApiClients.AsNoTracking().Where(c => c.TenantId == access.Required.TenantId).OrderBy(c => c.CreatedAt).ToListAsync()))
            .RequirePermission(ApiManage);
        clients.MapPost("/", CreateClient).RequirePermission(ApiManage);
        clients.MapPost("/{clientId}/revoke", async (string clientId, ApiClientService service, CurrentAccess access, AuditLog audit) =>
            {
                if (!await service.Revoke(access.Required.TenantId, clientId)) return Results.NotFound();
                await audit.Write(access.Required.TenantId, access.Required.Actor, "api-client.revoked", clientId);
                return Results.NoContent();
            })
            .RequirePermission(ApiManage);

        routes.MapPut("/api/tenant/security", async (SecurityInput input, IdentityDb db, CurrentAccess access, AuditLog audit) =>
            {
                var tenant = await db.Tenants.SingleAsync(t => t.Id == access.Required.TenantId);
                tenant.RequireTwoFactor = input.RequireTwoFactor;
                await db.SaveChangesAsync();
                await audit.Write(tenant.Id, access.Required.Actor, "tenant.2fa-policy", detail: input.RequireTwoFactor ? "required" : "optional");
                return Results.Ok(tenant);
            })
            .RequirePermission(UsersManage).WithTags("Access");
        routes.MapGet("/api/audit", async (IdentityDb db, CurrentAccess access, int? page, int? pageSize) =>
            {
                var size = Math.Clamp(pageSize ?? 50, 1, 200);
                var number = Math.Clamp(page ?? 1, 1, 100_000);
                var tenantId = access.Required.TenantId;
                var query = db.AuditLog.AsNoTracking().Where(a => a.TenantId == tenantId);
                return Results.Ok(new { Items = await query.OrderByDescending(a => a.Id).Skip((number - 1) * size).Take(size).ToListAsync(), Total = await query.CountAsync() });
            })
            .RequirePermission(AuditView).WithTags("Access");
        routes.MapMe();
        return routes;
    }

    private static async Task<IResult> ListRoles(IdentityDb db, CurrentAccess access) =>
        Results.Ok(await db.TenantRoles.AsNoTracking().Where(r => r.TenantId == access.Required.TenantId).OrderBy(r => r.Name).ToListAsync());

    private static async Task<IResult> CreateRole(RoleInput input, IdentityDb db, CurrentAccess access, AuditLog audit)
    {
        var tenantId = access.Required.TenantId;
        if (await ValidateRole(input, db, tenantId, null) is { Count: > 0 } errors) return Results.ValidationProblem(errors, title: "输入有误 / invalid input");
        var role = new TenantRole { Id = TenantDirectory.NewId(), TenantId = tenantId, Name = input.Name!.Trim(), Permissions = [.. input.Permissions!.Distinct()], Warehouses = [.. (input.Warehouses ?? []).Distinct()] };
        db.TenantRoles.Add(role);
        await db.SaveChangesAsync();
        await audit.Write(tenantId, access.Required.Actor, "role.created", role.Name, string.Join(",", role.Permissions));
        return Results.Created($"/api/roles/{role.Id}", role);
    }

    private static async Task<IResult> UpdateRole(string roleId, RoleInput input, IdentityDb db, CurrentAccess access, AuditLog audit)
    {
        var tenantId = access.Required.TenantId;
        var role = await db.TenantRoles.FirstOrDefaultAsync(r => r.Id == roleId && r.TenantId == tenantId);
        if (role is null) return Results.NotFound();
        if (await ValidateRole(input, db, tenantId, roleId) is { Count: > 0 } errors) return Results.ValidationProblem(errors, title: "输入有误 / invalid input");
        (role.Name, role.Permissions, role.Warehouses) = (input.Name!.Trim(), [.. input.Permissions!.Distinct()], [.. (input.Warehouses ?? []).Distinct()]);
        await db.SaveChangesAsync();
        await audit.Write(tenantId, access.Required.Actor, "role.changed", role.Name, string.Join(",", role.Permissions));
        return Results.Ok(role);
    }

    private static async Task<IResult> DeleteRole(string roleId, IdentityDb db, CurrentAccess access, AuditLog audit)
    {
        var tenantId = access.Required.TenantId;
        var role = await db.TenantRoles.FirstOrDefaultAsync(r => r.Id == roleId && r.TenantId == tenantId);
        if (role is null) return Results.NotFound();
        if (await db.MembershipRoles.AnyAsync(m => m.TenantId == tenantId && m.RoleId == roleId))
            return Results.Problem("该角色仍有成员在用，不能删除 / the role is still assigned", statusCode: 409);
        db.TenantRoles.Remove(role);
        await db.SaveChangesAsync();
        await audit.Write(tenantId, access.Required.Actor, "role.deleted", role.Name);
        return Results.NoContent();
    }

    private static async Task<Dictionary<string, string[]>> ValidateRole(RoleInput input, IdentityDb db, string tenantId, string? roleId)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 30) errors["name"] = ["请填写角色名称（不超过 30 字） / name is required, at most 30 characters"];
        else if (await db.TenantRoles.AnyAsync(r => r.TenantId == tenantId && r.Name == name && r.Id != roleId)) errors["name"] = ["角色名称已存在 / a role with this name exists"];
        if (input.Permissions is null || input.Permissions.Any(p => !IsKnown(p))) errors["permissions"] = ["包含未知权限 / unknown permission"];
        if (input.Warehouses?.Any(w => string.IsNullOrWhiteSpace(w) || w.Length > 40) == true) errors["warehouses"] = ["仓库编码无效 / invalid warehouse code"];
        return errors;
    }

    private static async Task<IResult> ListMembers(IdentityDb db, CurrentAccess access)
    {
        var tenantId = access.Required.TenantId;
        var members = await (from m in db.Memberships.Include(m => m.Roles)
                             join u in db.Users on m.UserId equals u.Id
                             where m.TenantId == tenantId
                             orderby u.Email
                             select new { u.Id, u.Email, u.DisplayName, m.Active, u.TwoFactorEnabled, RoleIds = m.Roles.Select(r => r.RoleId).ToList() })
            .AsNoTracking().ToListAsync();
        return Results.Ok(members);
    }

    private static async Task<IResult> SetRoles(string userId, MemberRolesInput input, IdentityDb db, CurrentAccess access, AuditLog audit)
    {
        var tenantId = access.Required.TenantId;
        var membership = await db.Memberships.Include(m => m.Roles).FirstOrDefaultAsync(m => m.TenantId == tenantId && m.UserId == userId);
        if (membership is null) return Results.NotFound();
        var roleIds = (input.RoleIds ?? []).Distinct().ToList();
        if (await db.TenantRoles.CountAsync(r => r.TenantId == tenantId && roleIds.Contains(r.Id)) != roleIds.Count)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["roleIds"] = ["包含不存在的角色 / unknown role"] });
        membership.Roles.Clear();
        membership.Roles.AddRange(roleIds.Select(r => new MembershipRole { TenantId = tenantId, UserId = userId, RoleId = r }));
        await db.SaveChangesAsync();
        await audit.Write(tenantId, access.Required.Actor, "member.roles-changed", userId, string.Join(",", roleIds));
        return Results.NoContent();
    }

    private static async Task<IResult> SetActive(string userId, bool active, IdentityDb db, CurrentAccess access, AuditLog audit)
    {
        var tenantId = access.Required.TenantId;
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.TenantId == tenantId && m.UserId == userId);
        if (membership is null) return Results.NotFound();
        membership.Active = active;
        await db.SaveChangesAsync();
        await audit.Write(tenantId, access.Required.Actor, active ? "member.activated" : "member.deactivated", userId);
        return Results.NoContent();
    }

    private static async Task<IResult> CreateClient(ApiClientInput input, ApiClientService service, CurrentAccess access, AuditLog audit)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 50) errors["name"] = ["请填写名称（不超过 50 字） / name is required"];
        if (input.Permissions is null || input.Permissions.Count == 0 || input.Permissions.Any(p => !IsKnown(p))) errors["permissions"] = ["请选择有效的权限 / choose known permissions"];
        else if (input.Permissions.Any(p => !access.Required.Permissions.Contains(p))) errors["permissions"] = ["不能授予自己没有的权限 / cannot grant a permission you do not hold"];
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: "输入有误 / invalid input");
        var client = await service.Create(access.Required.TenantId, input.Name!.Trim(), input.Permissions!);
        await audit.Write(access.Required.TenantId, access.Required.Actor, "api-client.created", client.ClientId, string.Join(",", client.Permissions));
        return Results.Created($"/api/api-clients/{client.ClientId}", client);
    }
}
