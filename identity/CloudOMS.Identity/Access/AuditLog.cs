using CloudOMS.Identity.Data;

namespace CloudOMS.Identity.Access;

/// <summary>Appends security events to the audit log. Entries are never updated or deleted.</summary>
public sealed class AuditLog(IdentityDb db, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task Write(string? tenantId, string actor, string action, string? target = null, string? detail = null)
    {
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
        await db.SaveChangesAsync();
    }
}
