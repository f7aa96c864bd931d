using CloudOMS.Identity.Data;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace CloudOMS.Identity.Access;

/// <summary>
/// OpenIddict's token manager, announcing its bulk revocations and deletions (statements that bypass the
/// change tracker, so <see cref="AccessChangeInterceptor"/> does not see them) to <see cref="IAccessChanges"/>.
/// </summary>
public sealed class AccessTokenManager(
    IOpenIddictTokenCache<OpenIddictEntityFrameworkCoreToken> cache,
    ILogger<OpenIddictTokenManager<OpenIddictEntityFrameworkCoreToken>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictTokenStore<OpenIddictEntityFrameworkCoreToken> store,
    IAccessChanges changes,
    IdentityDb db) : OpenIddictTokenManager<OpenIddictEntityFrameworkCoreToken>(cache, logger, options, store)
{
    public override async ValueTask<long> RevokeAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken = default) =>
        await Announce(await base.RevokeAsync(subject, client, status, type, cancellationToken), cancellationToken);

    public override async ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken = default) =>
        await Announce(await base.RevokeByApplicationIdAsync(identifier, cancellationToken), cancellationToken);

    public override async ValueTask<long> RevokeByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken = default) =>
        await Announce(await base.RevokeByAuthorizationIdAsync(identifier, cancellationToken), cancellationToken);

    public override async ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken = default) =>
        await Announce(await base.RevokeBySubjectAsync(subject, cancellationToken), cancellationToken);

    public override async ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken = default) =>
        await Announce(await base.PruneAsync(threshold, cancellationToken), cancellationToken);

    private async ValueTask<long> Announce(long count, CancellationToken cancellationToken)
    {
        if (count == 0) return count;
        if (db.Database.CurrentTransaction is not null)
        {
            AccessChangeInterceptor.MarkPending(db);
            return count;
        }
        changes.Committed();
        await changes.Published(cancellationToken);
        return count;
    }
}
