using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using CloudOMS.Identity.Edge;
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
        roles.MapGet("/", async (RoleAdmin admin, CurrentAccess access) => Results.Ok(await admin.List(access.Required.TenantId))).RequirePermission(RolesManage);
        roles.MapPost("/", async (RoleInput input, RoleAdmin admin, CurrentAccess access) =>
            (await admin.Create(access.Required, input)).ToHttp(role => Results.Created($"/api/roles/{((TenantRole)role!).Id}", role))).RequirePermission(RolesManage);
        roles.MapPut("/{roleId}", async (string roleId, RoleInput input, RoleAdmin admin, CurrentAccess access) =>
            (await admin.Update(access.Required, roleId, input)).ToHttp(Results.Ok)).RequirePermission(RolesManage);
        roles.MapDelete("/{roleId}", async (string roleId, RoleAdmin admin, CurrentAccess access) =>
            (await admin.Delete(access.Required, roleId)).ToHttp()).RequirePermission(RolesManage);

        var users = routes.MapGroup("/api/users").WithTags("Access");
        users.MapGet("/", async (MemberAdmin members, CurrentAccess access) => Results.Ok(await members.List(access.Required.TenantId))).RequirePermission(UsersManage);
        users.MapPut("/{userId}/roles", async (string userId, MemberRolesInput input, MemberAdmin members, CurrentAccess access) =>
            (await members.SetRoles(access.Required, userId, input.RoleIds)).ToHttp()).RequirePermission(UsersManage);
        users.MapPost("/{userId}/deactivate", async (string userId, MemberAdmin members, CurrentAccess access) =>
            (await members.SetActive(access.Required, userId, false)).ToHttp()).RequirePermission(UsersManage);
        users.MapPost("/{userId}/activate", async (string userId, MemberAdmin members, CurrentAccess access) =>
            (await members.SetActive(access.Required, userId, true)).ToHttp()).RequirePermission(UsersManage);
        users.MapPost("/invitations", Invitations.Invite).RequirePermission(UsersManage);
        users.MapGet("/invitations", async (InvitationAdmin invitations, CurrentAccess access) =>
            Results.Ok(await invitations.Pending(access.Required.TenantId))).RequirePermission(UsersManage)
            .WithSummary("Invitations not yet accepted nor revoked, newest first; expired ones are marked and can be resent");
        users.MapPost("/invitations/{invitationId}/resend", async (string invitationId, InvitationAdmin invitations, CurrentAccess access) =>
            (await invitations.Resend(access.Required, invitationId)).ToHttp()).RequirePermission(UsersManage)
            .WithSummary("Mails a new link, valid 7 days; the earlier link stops working");
        users.MapPost("/invitations/{invitationId}/revoke", async (string invitationId, InvitationAdmin invitations, CurrentAccess access) =>
            (await invitations.Revoke(access.Required, invitationId)).ToHttp()).RequirePermission(UsersManage)
            .WithSummary("Revokes a pending invitation: its link then says so and accepting is refused");

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

        routes.MapPut("/api/tenant/security", async (SecurityInput input, MemberAdmin members, CurrentAccess access) =>
                (await members.SetTwoFactorPolicy(access.Required, input.RequireTwoFactor)).ToHttp(Results.Ok))
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

    private static async Task<IResult> CreateClient(ApiClientInput input, ApiClientService service, CurrentAccess access, AuditLog audit)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 50) errors["name"] = [Msg.Get("AdminApi.NameRequired")];
        if (input.Permissions is null || input.Permissions.Count == 0 || input.Permissions.Any(p => !IsKnown(p))) errors["permissions"] = [Msg.Get("AdminApi.ChooseKnownPermissions")];
        else if (!GrantLimits.HoldsAll(access.Required, input.Permissions)) errors["permissions"] = [GrantLimits.PermissionMessage];
        if (errors.Count > 0) return Problems.Invalid(errors);
        var client = await service.Create(access.Required.TenantId, input.Name!.Trim(), input.Permissions!);
        await audit.Write(access.Required.TenantId, access.Required.Actor, "api-client.created", client.ClientId, string.Join(",", client.Permissions));
        return Results.Created($"/api/api-clients/{client.ClientId}", client);
    }
}
