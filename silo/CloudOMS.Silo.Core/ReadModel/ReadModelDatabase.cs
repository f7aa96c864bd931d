using System.Data.Common;
using CloudOMS.Silo.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CloudOMS.Silo.ReadModel;

/// <summary>
/// Where the read model lives: a SQLite file beside the grain file (the embedded default), or the
/// PostgreSQL database of the grain storage, shared by every silo and portal of the deployment.
/// Its tables are made by EF Core migrations kept per database (ReadModel/Migrations/Sqlite|Postgres).
/// </summary>
public sealed class ReadModelDatabase
{
    public const string HistoryTable = "__ReadModelMigrations";

    private ReadModelDatabase(StorageProvider provider, string connectionString, DbDataSource? dataSource)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataSource = dataSource;
    }

    public StorageProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>On PostgreSQL, the grain storage's data source: one pool and one set of timeouts for both.</summary>
    public DbDataSource? DataSource { get; }

    public static ReadModelDatabase For(StorageBackend backend, CloudOmsOptions options) => backend.Provider == StorageProvider.Postgres
        ? new(StorageProvider.Postgres, backend.DataSource.ConnectionString, backend.DataSource)
        : Sqlite($"Data Source={options.ReadModelPath};Pooling=True");

    public static ReadModelDatabase Sqlite(string connectionString) => new(StorageProvider.Sqlite, connectionString, null);

    public static ReadModelDatabase Postgres(string connectionString) => new(StorageProvider.Postgres, connectionString, null);

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == StorageProvider.Postgres)
        {
            if (DataSource is NpgsqlDataSource shared) options.UseNpgsql(shared, o => o.MigrationsHistoryTable(HistoryTable, ReadModelDbContext.PostgresSchema));
            else options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(HistoryTable, ReadModelDbContext.PostgresSchema));
        }
        else
        {
            options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(HistoryTable)).AddInterceptors(new SqliteTuningInterceptor());
        }
    }

    /// <summary>A context that carries this database's migrations; used to bring the tables up to date.</summary>
    public ReadModelDbContext ForMigrations()
    {
        var builder = new DbContextOptionsBuilder<ReadModelDbContext>();
        Configure(builder);
        return Provider == StorageProvider.Postgres
            ? new PostgresReadModelMigrations(builder.Options)
            : new SqliteReadModelMigrations(builder.Options);
    }
}
