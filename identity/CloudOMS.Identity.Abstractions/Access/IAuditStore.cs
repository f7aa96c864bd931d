using CloudOMS.Identity.Data;

namespace CloudOMS.Identity.Access;

/// <summary>Where the audit log is kept: the identity database, which the identity server provides this over.</summary>
public interface IAuditStore
{
    /// <summary>The tenants the user is a member of.</summary>
    Task<IReadOnlyList<string>> TenantsOf(string userId);

    /// <summary>Adds the entries and saves them.</summary>
    Task Append(IReadOnlyList<AuditEntry> entries);
}
