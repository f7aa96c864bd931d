using System.Security.Claims;

namespace CloudOMS.Identity.Access;

/// <summary>
/// The grant of a bearer caller for each /api request: from <see cref="AccessCache"/> when it holds one,
/// otherwise from <see cref="AccessResolver"/> (the database), remembered in the generation taken before
/// the read. Refusals are not remembered, so a member added or a client created is admitted at once too.
/// </summary>
public sealed class AccessGrants(AccessCache cache)
{
    public async ValueTask<AccessGrant?> Resolve(ClaimsPrincipal principal, IServiceProvider requestServices, CancellationToken cancellationToken)
    {
        var tenantId = principal.FindFirstValue(OmsClaims.Tenant);
        var subject = principal.FindFirstValue("sub");
        if (tenantId is null || subject is null) return null;
        var key = new GrantKey(principal.FindFirstValue(OmsClaims.Kind) ?? OmsClaims.UserKind, subject, tenantId);
        var generation = cache.Current;
        if (generation is not null && generation.TryGetGrant(key, out var remembered)) return remembered;
        var grant = await requestServices.GetRequiredService<AccessResolver>().Resolve(principal, cancellationToken);
        if (grant is not null) generation?.RememberGrant(key, grant);
        return grant;
    }
}
