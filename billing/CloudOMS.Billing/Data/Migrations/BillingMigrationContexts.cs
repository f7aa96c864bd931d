using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CloudOMS.Billing.Data;

// Billing's migrations are kept per database, each set belonging to one of these contexts. After changing the entities:
//   dotnet ef migrations add <Name> -p billing/CloudOMS.Billing -c SqliteBillingMigrations -o Data/Migrations/Sqlite
//   dotnet ef migrations add <Name> -p billing/CloudOMS.Billing -c PostgresBillingMigrations -o Data/Migrations/Postgres

public sealed class SqliteBillingMigrations(DbContextOptions<BillingDb> options) : BillingDb(options);

public sealed class PostgresBillingMigrations(DbContextOptions<BillingDb> options) : BillingDb(options);

public sealed class SqliteBillingDesignFactory : IDesignTimeDbContextFactory<SqliteBillingMigrations>
{
    public SqliteBillingMigrations CreateDbContext(string[] args) => (SqliteBillingMigrations)BillingStore.Sqlite("design-time.db").ForMigrations();
}

public sealed class PostgresBillingDesignFactory : IDesignTimeDbContextFactory<PostgresBillingMigrations>
{
    public PostgresBillingMigrations CreateDbContext(string[] args) =>
        (PostgresBillingMigrations)new BillingStore(true, "Host=localhost;Database=cloudoms").ForMigrations();
}
