using System.Data.Common;
using System.Runtime.CompilerServices;
using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenIddict.EntityFrameworkCore.Models;

namespace CloudOMS.Identity.Access;

/// <summary>
/// Announces to <see cref="IAccessChanges"/> every save of the identity database that may take access away,
/// once it is committed: after the save, or after the transaction around it. Async saves and commits also
/// wait until every instance has forgotten the old answers; the one synchronous commit in the path (OpenIddict
/// deleting an application) is followed by an explicit <see cref="IAccessChanges.Published"/>.
/// Bulk updates bypass the change tracker: <see cref="AccessTokenManager"/> announces OpenIddict's.
/// </summary>
public sealed class AccessChangeInterceptor(IAccessChanges changes) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();
    private static readonly object Marker = new();

    /// <summary>Announce at the commit of <paramref name="context"/>'s current transaction.</summary>
    public static void MarkPending(DbContext context) => Pending.AddOrUpdate(context, Marker);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AnnounceIfCommitted(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (AnnounceIfCommitted(eventData.Context)) await changes.Published(cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetIfAlone(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfAlone(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && Pending.Remove(context)) changes.Committed();
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !Pending.Remove(context)) return;
        changes.Committed();
        await changes.Published(cancellationToken);
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context) Pending.Remove(context);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? context)
    {
        if (context is null) return;
        context.ChangeTracker.DetectChanges();
        if (context.ChangeTracker.Entries().Any(TakesAccessAway)) MarkPending(context);
    }

    /// <summary>Without a transaction around it, a finished save is committed.</summary>
    private bool AnnounceIfCommitted(DbContext? context)
    {
        if (context is null || context.Database.CurrentTransaction is not null || !Pending.Remove(context)) return false;
        changes.Committed();
        return true;
    }

    private static void ForgetIfAlone(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null) Pending.Remove(context);
    }

    /// <summary>
    /// Whether saving this entry may withdraw a grant or a token. Additions to memberships and roles count too
    /// (a role gained by an existing member changes a remembered grant); new tokens do not.
    /// </summary>
    private static bool TakesAccessAway(EntityEntry entry) => entry.State switch
    {
        EntityState.Unchanged or EntityState.Detached => false,
        _ => entry.Entity switch
        {
            Membership or MembershipRole or TenantRole or ApiClient => true,
            OmsUser => entry.State == EntityState.Deleted || entry.Property(nameof(OmsUser.Email)).IsModified || entry.Property(nameof(OmsUser.UserName)).IsModified,
            OpenIddictEntityFrameworkCoreToken token => AccessTokenTypes.MayBeBearer(token.Type)
                && (entry.State == EntityState.Deleted || entry.Property(nameof(token.Status)).IsModified),
            OpenIddictEntityFrameworkCoreApplication => entry.State == EntityState.Deleted,
            _ => false,
        },
    };
}
