using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Identity.Access;

/// <summary>The audit log in the identity database: the request's context, so an entry is saved with whatever it holds.</summary>
internal sealed class IdentityAuditStore(IdentityDb db) : IAuditStore
{
    public async Task<IReadOnlyList<string>> TenantsOf(string userId) =>
        await db.Memberships.Where(m => m.UserId == userId).Select(m => m.TenantId).ToListAsync();

    public async Task Append(IReadOnlyList<AuditEntry> entries)
    {
        db.AuditLog.AddRange(entries);
        await db.SaveChangesAsync();
    }
}

public static class UserAuditExtensions
{
    /// <summary>
    /// Records an event about a user before a tenant is chosen (sign-in, lockout): once for each
    /// tenant the user belongs to, so every one of their admins sees it.
    /// </summary>
    public static Task WriteForUser(this AuditLog audit, OmsUser user, string action, string? detail = null) =>
        audit.WriteForUser(user.Id, user.Email ?? user.Id, action, detail);
}
