using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Admin;
using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Tenants;

/// <summary>
/// The company profile (name and invoice details): kept by the tenant grain, with the name, contact
/// and phone mirrored to the identity tenant (the portal header, the company choice at sign-in and
/// invitation mails read them there). One code path for /api/tenant/profile and the portal's form.
/// </summary>
public sealed class CompanyProfiles(IGrainFactory grains, IdentityDb identity, AuditLog audit)
{
    public async Task<TenantProfile?> Get(string tenantId)
    {
        if (await grains.Tenant(tenantId).GetProfile() is not { } profile) return null;
        // Tenants from before the profile held a contact keep the one given at sign-up.
        var account = await identity.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId);
        return profile with
        {
            ContactName = profile.ContactName ?? Blank(account?.ContactName),
            Phone = profile.Phone ?? Blank(account?.Phone),
        };
    }

    public async Task<AdminResult> Save(AccessGrant actor, CompanyDetails details)
    {
        var errors = CompanyRules.Validate(details);
        if (errors.Any) return AdminResult.Invalid(errors.ToDictionary());
        var before = await Get(actor.TenantId);
        if (before is null) return AdminResult.NotFound();
        var profile = await grains.Tenant(actor.TenantId).UpdateDetails(details);
        var account = await identity.Tenants.SingleAsync(t => t.Id == actor.TenantId);
        (account.Name, account.ContactName, account.Phone) = (profile.Name, profile.ContactName ?? "", profile.Phone);
        await identity.SaveChangesAsync();
        await audit.Write(actor.TenantId, actor.Actor, "tenant.profile-changed", profile.Name, string.Join(",", Changed(before, profile)));
        return AdminResult.Done(profile);
    }

    /// <summary>The names of the fields a save changed, for the audit log (values stay out of it).</summary>
    private static IEnumerable<string> Changed(TenantProfile before, TenantProfile after)
    {
        if (before.Name != after.Name) yield return "name";
        if (before.TaxId != after.TaxId) yield return "taxId";
        if (before.ContactName != after.ContactName) yield return "contactName";
        if (before.Phone != after.Phone) yield return "phone";
        if (before.Address != after.Address) yield return "address";
        if (before.BankName != after.BankName) yield return "bankName";
        if (before.BankAccount != after.BankAccount) yield return "bankAccount";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
