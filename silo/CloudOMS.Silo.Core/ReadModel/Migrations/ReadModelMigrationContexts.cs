using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CloudOMS.Silo.ReadModel;

// The read model's migrations are kept per database: each set belongs to one of these contexts, which
// differ from ReadModelDbContext only in name. Add a migration to both after changing the tables:
//   dotnet ef migrations add <Name> -p silo/CloudOMS.Silo.Core -c SqliteReadModelMigrations -o ReadModel/Migrations/Sqlite
//   dotnet ef migrations add <Name> -p silo/CloudOMS.Silo.Core -c PostgresReadModelMigrations -o ReadModel/Migrations/Postgres

public sealed class SqliteReadModelMigrations(DbContextOptions<ReadModelDbContext> options) : ReadModelDbContext(options);

public sealed class PostgresReadModelMigrations(DbContextOptions<ReadModelDbContext> options) : ReadModelDbContext(options);

/// <summary>Lets the EF Core tools build the SQLite context without a running silo.</summary>
public sealed class SqliteReadModelDesignFactory : IDesignTimeDbContextFactory<SqliteReadModelMigrations>
{
    public SqliteReadModelMigrations CreateDbContext(string[] args) =>
        (SqliteReadModelMigrations)ReadModelDatabase.Sqlite("Data Source=design-time.db").ForMigrations();
}

/// <summary>Lets the EF Core tools build the PostgreSQL context; no server is needed to add a migration.</summary>
public sealed class PostgresReadModelDesignFactory : IDesignTimeDbContextFactory<PostgresReadModelMigrations>
{
    public PostgresReadModelMigrations CreateDbContext(string[] args) =>
        (PostgresReadModelMigrations)ReadModelDatabase.Postgres("Host=localhost;Database=cloudoms").ForMigrations();
}
