using CloudOMS.Identity.Access;

namespace CloudOMS.Identity.Admin;

/// <summary>
/// What a member may hand out through roles: only permissions they hold themselves, and, when their own access
/// is limited to some warehouses, only roles limited to those warehouses. Keeps users.manage or roles.manage
/// from becoming a way to more access than the company gave.
/// </summary>
public static class GrantLimits
{
    public static string PermissionMessage => Msg.Get("GrantLimits.YouCannotGrantPermissionYouDo");
    public static string ScopeMessage => Msg.Get("GrantLimits.RoleSWarehousesWithinOwn");
    public static string RoleMessage => Msg.Get("GrantLimits.YouCannotAssignRoleBeyondOwn");

    public static bool HoldsAll(AccessGrant actor, IEnumerable<string> permissions) => permissions.All(actor.Permissions.Contains);

    /// <summary>An empty role scope means every warehouse.</summary>
    public static bool WithinScope(AccessGrant actor, IReadOnlyCollection<string>? warehouses) =>
        actor.Warehouses is null || warehouses is { Count: > 0 } && warehouses.All(actor.Warehouses.Contains);
}
