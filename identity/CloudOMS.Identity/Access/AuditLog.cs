using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Identity.Access;

/// <summary>Appends security events to the audit log. Entries are never updated or deleted.</summary>
public sealed class AuditLog(IdentityDb db, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>
    /// Records an event about a user before a tenant is chosen (sign-in, lockout): once for each
    /// tenant the user belongs to, so every one of their admins sees it.
    /// </summary>
    public async Task WriteForUser(OmsUser user, string action, string? detail = null)
    {
        var tenants = await db.Memberships.Where(m => m.UserId == user.Id).Select(m => m.TenantId).ToListAsync();
        if (tenants.Count == 0) tenants.Add(null!);
        foreach (var tenantId in tenants) Add(tenantId, user.Email ?? user.Id, action, user.Id, detail);
        await db.SaveChangesAsync();
    }

    public async Task Write(string? tenantId, string actor, string action, string? target = null, string? detail = null)
    {
        Add(tenantId, actor, action, target, detail);
        await db.SaveChangesAsync();
    }

    private void Add(string? tenantId, string actor, string action, string? target, string? detail) =>
        db.AuditLog.Add(new AuditEntry
        {
            TenantId = tenantId,
            At = clock.GetUtcNow(),
            Actor = actor,
            Action = action,
            Target = target,
            Detail = detail,
            Ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
}
