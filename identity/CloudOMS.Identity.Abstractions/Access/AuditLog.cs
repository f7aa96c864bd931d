using CloudOMS.Identity.Data;
using Microsoft.AspNetCore.Http;

namespace CloudOMS.Identity.Access;

/// <summary>Appends security events to the audit log (kept by <see cref="IAuditStore"/>). Entries are never updated or deleted.</summary>
public sealed class AuditLog(IAuditStore store, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>
    /// Records an event about a user before a tenant is chosen (sign-in, lockout): once for each
    /// tenant the user belongs to, so every one of their admins sees it.
    /// </summary>
    public async Task WriteForUser(string userId, string actor, string action, string? detail = null)
    {
        IReadOnlyList<string?> tenants = await store.TenantsOf(userId);
        if (tenants.Count == 0) tenants = [null];
        await store.Append([.. tenants.Select(tenantId => Entry(tenantId, actor, action, userId, detail))]);
    }

    public Task Write(string? tenantId, string actor, string action, string? target = null, string? detail = null) =>
        store.Append([Entry(tenantId, actor, action, target, detail)]);

    private AuditEntry Entry(string? tenantId, string actor, string action, string? target, string? detail) => new()
    {
        TenantId = tenantId,
        At = clock.GetUtcNow(),
        Actor = actor,
        Action = action,
        Target = target,
        Detail = detail,
        Ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
    };
}
