using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CloudOMS.Identity.Data;

// The identity database's migrations are kept per database: each set belongs to one of these contexts,
// which differ from IdentityDb only in name. Add a migration to both after changing the entities:
//   dotnet ef migrations add <Name> -p identity/CloudOMS.Identity -c SqliteIdentityMigrations -o Data/Migrations/Sqlite
//   dotnet ef migrations add <Name> -p identity/CloudOMS.Identity -c PostgresIdentityMigrations -o Data/Migrations/Postgres

public sealed class SqliteIdentityMigrations(DbContextOptions<IdentityDb> options) : IdentityDb(options);

public sealed class PostgresIdentityMigrations(DbContextOptions<IdentityDb> options) : IdentityDb(options);

/// <summary>Lets the EF Core tools build the SQLite context without a running server.</summary>
public sealed class SqliteIdentityDesignFactory : IDesignTimeDbContextFactory<SqliteIdentityMigrations>
{
    public SqliteIdentityMigrations CreateDbContext(string[] args) =>
        (SqliteIdentityMigrations)IdentityStore.Sqlite("design-time.db").ForMigrations();
}

/// <summary>Lets the EF Core tools build the PostgreSQL context; no server is needed to add a migration.</summary>
public sealed class PostgresIdentityDesignFactory : IDesignTimeDbContextFactory<PostgresIdentityMigrations>
{
    public PostgresIdentityMigrations CreateDbContext(string[] args) =>
        (PostgresIdentityMigrations)new IdentityStore(true, "Host=localhost;Database=cloudoms").ForMigrations();
}
