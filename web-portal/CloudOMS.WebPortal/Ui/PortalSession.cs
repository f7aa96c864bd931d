using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using CloudOMS.Silo.ReadModel;
using CloudOMS.Silo.Tenancy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Ui;

/// <summary>
/// The signed-in portal user of one circuit: their grant in the tenant of their sign-in (read from
/// the identity database, like the API does), the company name, and tenant-filtered read-model access.
/// </summary>
public sealed class PortalSession(AuthenticationStateProvider authentication, AccessResolver access, IdentityDb identity,
    TenantContext tenant, IDbContextFactory<ReadModelDbContext> readModel)
{
    private Task<bool>? _loading;

    public AccessGrant? Grant { get; private set; }
    public string CompanyName { get; private set; } = "";
    public string UserName { get; private set; } = "";

    /// <summary>The signed-in user's id (the token's subject).</summary>
    public string? UserId { get; private set; }

    /// <summary>Raised when something the layout shows (the company name) changed in this circuit.</summary>
    public event Action? Changed;

    public void CompanyRenamed(string name)
    {
        CompanyName = name;
        Changed?.Invoke();
    }

    /// <summary>Resolves the grant once per circuit; false when the user has no access to the tenant any more.</summary>
    public Task<bool> Load() => _loading ??= Resolve();

    public bool Can(string permission) => Grant?.Permissions.Contains(permission) == true;

    public bool Sees(string? warehouse) => Grant?.Sees(warehouse) == true;

    public ReadModelDbContext ReadModel()
    {
        var db = readModel.CreateDbContext();
        db.TenantId = Grant?.TenantId;
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return db;
    }

    private async Task<bool> Resolve()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        Grant = await access.Resolve(user);
        if (Grant is null) return false;
        tenant.Set(Grant.TenantId);
        UserName = user.Identity?.Name ?? Grant.Actor;
        UserId = user.FindFirst("sub")?.Value;
        CompanyName = await identity.Tenants.AsNoTracking().Where(t => t.Id == Grant.TenantId).Select(t => t.Name).FirstOrDefaultAsync() ?? Grant.TenantId;
        return true;
    }
}
