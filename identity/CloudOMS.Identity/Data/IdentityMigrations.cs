using CloudOMS.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace CloudOMS.Identity.Data;

/// <summary>Applies the identity database's migrations at start (EF Core serialises concurrent starts).</summary>
public static class IdentityMigrations
{
    public static async Task Apply(IdentityStore store, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var db = store.ForMigrations();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        if (!store.Postgres && await MadeBeforeMigrations(db, cancellationToken))
            await Baseline(db, logger, cancellationToken);
        // On PostgreSQL under a session lock on the migrating connection, so instances starting together take
        // turns (EF Core's own lock comes after the schema is created, which then races).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (store.Postgres) await db.Database.ExecuteSqlRawAsync(AdvisoryLocks.Lock(AdvisoryLocks.IdentityMigration), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            // SQLite: write-ahead log, so reads never block a write and concurrent saves wait their turn rather than
            // fail with "database is locked" (stored in the file; a no-op once set).
            if (!store.Postgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", cancellationToken);
        }
        finally
        {
            if (store.Postgres) await db.Database.ExecuteSqlRawAsync(AdvisoryLocks.Unlock(AdvisoryLocks.IdentityMigration), CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// An identity.db made by an earlier CloudOMS (tables, no migration history) holds users and must be
    /// kept: its tables are exactly the first migration's, so that migration is recorded as applied.
    /// </summary>
    private static async Task Baseline(IdentityDb db, ILogger logger, CancellationToken cancellationToken)
    {
        var first = db.Database.GetMigrations().First();
        logger.LogInformation("Identity database made before migrations: recording {Migration} as applied", first);
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())), cancellationToken);
    }

    private static async Task<bool> MadeBeforeMigrations(IdentityDb db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        return await creator.ExistsAsync(cancellationToken) && await creator.HasTablesAsync(cancellationToken)
            && !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
    }
}
