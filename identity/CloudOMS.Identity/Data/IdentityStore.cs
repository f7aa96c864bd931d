using CloudOMS.Storage;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Identity.Data;

/// <summary>
/// Where the identity database lives, from the deployment's one storage setting (<see cref="DataLocation"/>):
/// identity.db in the data folder (Storage:Provider = Sqlite, the default) or the PostgreSQL database named by
/// Storage:ConnectionString, which then also keeps the data protection key ring for every instance.
/// Tables come from EF Core migrations kept per database (Data/Migrations/Sqlite|Postgres).
/// </summary>
public sealed record IdentityStore(bool Postgres, string ConnectionString)
{
    public const string HistoryTable = "__IdentityMigrations";

    public static IdentityStore From(DataLocation location) => location.Postgres
        ? new IdentityStore(true, location.RequestConnectionString())
        : Sqlite(location.SqliteFile("identity.db"));

    public static IdentityStore Sqlite(string path) => new(false, $"Data Source={path}");

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Postgres) options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(HistoryTable, IdentityDb.PostgresSchema));
        else options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(HistoryTable));
        options.UseOpenIddict();
    }

    /// <summary>A context carrying this database's migrations; used to bring the tables up to date.</summary>
    public IdentityDb ForMigrations()
    {
        var builder = new DbContextOptionsBuilder<IdentityDb>();
        Configure(builder);
        return Postgres ? new PostgresIdentityMigrations(builder.Options) : new SqliteIdentityMigrations(builder.Options);
    }
}
