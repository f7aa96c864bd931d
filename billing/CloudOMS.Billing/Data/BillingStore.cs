using CloudOMS.Storage;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Billing.Data;

/// <summary>
/// Where billing's tables live, from the deployment's one storage setting (<see cref="DataLocation"/>): billing.db in
/// the data folder (SQLite, the default) or the "billing" schema of the PostgreSQL database the rest of CloudOMS uses.
/// Tables come from EF Core migrations kept per database (Data/Migrations/Sqlite|Postgres).
/// </summary>
public sealed record BillingStore(bool Postgres, string ConnectionString)
{
    public const string HistoryTable = "__BillingMigrations";

    public static BillingStore From(DataLocation location) => location.Postgres
        ? new BillingStore(true, location.RequestConnectionString())
        : Sqlite(location.SqliteFile("billing.db"));

    public static BillingStore Sqlite(string path) => new(false, $"Data Source={path}");

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Postgres) options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(HistoryTable, BillingDb.PostgresSchema));
        else options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(HistoryTable));
    }

    public BillingDb ForMigrations()
    {
        var builder = new DbContextOptionsBuilder<BillingDb>();
        Configure(builder);
        return Postgres ? new PostgresBillingMigrations(builder.Options) : new SqliteBillingMigrations(builder.Options);
    }

    /// <summary>Brings the tables up to date; on PostgreSQL under a session lock, so instances starting together take turns.</summary>
    public async Task Migrate(CancellationToken cancellationToken)
    {
        await using var db = ForMigrations();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (Postgres) await db.Database.ExecuteSqlRawAsync(AdvisoryLocks.Lock(AdvisoryLocks.BillingMigration), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            // SQLite: write-ahead log, so reads never block a write and concurrent saves wait their turn rather than
            // fail with "database is locked" (stored in the file; a no-op once set).
            if (!Postgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", cancellationToken);
        }
        finally
        {
            if (Postgres) await db.Database.ExecuteSqlRawAsync(AdvisoryLocks.Unlock(AdvisoryLocks.BillingMigration), CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
