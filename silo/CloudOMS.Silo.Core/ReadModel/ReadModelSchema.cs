using CloudOMS.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace CloudOMS.Silo.ReadModel;

/// <summary>
/// Brings the read model up to date at start: the migrations of its database, then, when the
/// projection version changed, empties the tables so the projection refills them from grain storage
/// (the read model is derived data; grain storage is the truth).
/// </summary>
public static class ReadModelSchema
{
    private const string VersionCheckpoint = "schema-version";

    /// <summary>Held by whoever writes the read model on PostgreSQL, so processes sharing it take turns.</summary>
    public static readonly string WriterLock = AdvisoryLocks.TransactionLock(AdvisoryLocks.ReadModelWriter);

    public static async Task Ensure(ReadModelDatabase database, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var db = database.ForMigrations();
        // Not the API's short limits: a migration or emptying a large read model may take minutes.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        if (database.Provider == Persistence.StorageProvider.Sqlite && await MadeBeforeMigrations(db, cancellationToken))
        {
            logger.LogInformation("Replacing a read model file made before migrations; it will be refilled from grain storage");
            await db.Database.EnsureDeletedAsync(cancellationToken);
        }
        await Migrate(db, AdvisoryLocks.Lock(AdvisoryLocks.ReadModelMigration), AdvisoryLocks.Unlock(AdvisoryLocks.ReadModelMigration), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TakeWriterLock(db, cancellationToken);
        var version = await db.Checkpoints.Where(c => c.Name == VersionCheckpoint).Select(c => (long?)c.Position).FirstOrDefaultAsync(cancellationToken);
        if (version != ReadModelDbContext.ProjectionVersion)
        {
            logger.LogInformation("Read model projection version {Old} → {New}: emptying the tables to refill them from grain storage",
                version, ReadModelDbContext.ProjectionVersion);
            await Empty(db, cancellationToken);
            db.Checkpoints.Add(new ProjectionCheckpoint { Name = VersionCheckpoint, Position = ReadModelDbContext.ProjectionVersion });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Applies the migrations; on PostgreSQL under a session lock on the migrating connection, so processes
    /// starting together take turns (EF Core's own lock comes after the schema is created, which then races).
    /// </summary>
    private static async Task Migrate(DbContext db, string takeLock, string releaseLock, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (postgres) await db.Database.ExecuteSqlRawAsync(takeLock, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            if (postgres) await db.Database.ExecuteSqlRawAsync(releaseLock, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Inside a transaction on PostgreSQL, waits for other writers of the read model; SQLite has one writer anyway.</summary>
    public static async Task TakeWriterLock(ReadModelDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync(WriterLock, cancellationToken);
    }

    private static async Task Empty(ReadModelDbContext db, CancellationToken cancellationToken)
    {
        await db.CustomerRecency.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.CustomerDays.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.SkuDayTotals.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.OrderDayTotals.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.OrderLines.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.Orders.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.StockMovements.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.Stock.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.Skus.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.Warehouses.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.Tenants.ExecuteDeleteAsync(cancellationToken);
        await db.Checkpoints.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A SQLite file with tables but no migration history was made by an earlier CloudOMS.</summary>
    private static async Task<bool> MadeBeforeMigrations(ReadModelDbContext db, CancellationToken cancellationToken) =>
        await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken)
        && await db.GetService<IRelationalDatabaseCreator>().HasTablesAsync(cancellationToken)
        && !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
}
