using CloudOMS.Identity.Access;

namespace CloudOMS.Identity.Admin;

/// <summary>
/// What a member may hand out through roles: only permissions they hold themselves, and, when their own access
/// is limited to some warehouses, only roles limited to those warehouses. Keeps users.manage or roles.manage
/// from becoming a way to more access than the company gave.
/// </summary>
public static class GrantLimits
{
    public const string PermissionMessage = "不能授予您自己没有的权限 / you cannot grant a permission you do not hold";
    public const string ScopeMessage = "角色的仓库范围不能超出您自己的范围 / a role's warehouses must be within your own";
    public const string RoleMessage = "不能分配超出您自己权限或仓库范围的角色 / you cannot assign a role beyond your own permissions or warehouses";

    public static bool HoldsAll(AccessGrant actor, IEnumerable<string> permissions) => permissions.All(actor.Permissions.Contains);

    /// <summary>An empty role scope means every warehouse.</summary>
    public static bool WithinScope(AccessGrant actor, IReadOnlyCollection<string>? warehouses) =>
        actor.Warehouses is null || warehouses is { Count: > 0 } && warehouses.All(actor.Warehouses.Contains);
}
