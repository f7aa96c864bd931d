using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.WebPortal.Ui;

namespace CloudOMS.WebPortal.Tenants;

/// <summary>The users quota as the tenant grain counts it, for identity's invitations and member activation.</summary>
public sealed class GrainTenantSeats(IGrainFactory grains) : ITenantSeats
{
    public Task<string?> Check(string tenantId) => Refusal(grains.Tenant(tenantId).CheckUsage(UsageKind.Users));

    public Task<string?> Take(string tenantId) => Refusal(grains.Tenant(tenantId).TakeUsage(UsageKind.Users));

    public Task Return(string tenantId) => grains.Tenant(tenantId).ReturnUsage(UsageKind.Users);

    private static async Task<string?> Refusal(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (CommandException refused) when (refused.Kind is FailureKind.QuotaExceeded or FailureKind.PaymentRequired or FailureKind.Suspended)
        {
            return refused.Shown();
        }
    }
}
