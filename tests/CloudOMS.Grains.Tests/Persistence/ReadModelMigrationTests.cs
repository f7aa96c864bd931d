using CloudOMS.Silo.ReadModel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudOMS.Grains.Tests.Persistence;

/// <summary>The read model's tables come from EF Core migrations, one set per database.</summary>
public sealed class ReadModelMigrationTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Each_database_has_a_migration_for_the_current_model(StorageProvider provider)
    {
        var database = provider == StorageProvider.Postgres
            ? ReadModelDatabase.Postgres("Host=localhost;Database=unused")
            : ReadModelDatabase.Sqlite("Data Source=unused.db");
        await using var db = database.ForMigrations();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"the {provider} read model needs a new migration (see ReadModelMigrationContexts.cs)");
    }

    [Fact]
    public async Task A_postgres_read_model_is_migrated_into_its_own_schema_once_even_when_processes_start_together()
    {
        var connectionString = await TestPostgres.CreateDatabase();
        try
        {
            var database = ReadModelDatabase.Postgres(connectionString);
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ReadModelSchema.Ensure(database, NullLogger.Instance)));
            await ReadModelSchema.Ensure(database, NullLogger.Instance);

            await using var db = database.ForMigrations();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(ReadModelDbContext.ProjectionVersion, Assert.Single(await db.Checkpoints.ToListAsync()).Position);
            Assert.Equal(0, await db.Orders.IgnoreQueryFilters().CountAsync());
        }
        finally
        {
            await TestPostgres.DropDatabase(connectionString);
        }
    }

    [Fact]
    public async Task A_sqlite_read_model_made_before_migrations_is_replaced_and_refilled_from_grain_storage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"readmodel-{Guid.NewGuid():N}.db");
        try
        {
            // An earlier CloudOMS made the file with EnsureCreated: tables, rows, no migration history.
            var database = ReadModelDatabase.Sqlite($"Data Source={path};Pooling=false");
            await using (var old = database.ForMigrations())
            {
                await old.Database.EnsureCreatedAsync();
                old.Checkpoints.Add(new ProjectionCheckpoint { Name = "grain-storage", Position = 42 });
                await old.SaveChangesAsync();
            }

            await ReadModelSchema.Ensure(database, NullLogger.Instance);

            await using var db = database.ForMigrations();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            // The projection starts over from change zero: only the version checkpoint is left.
            Assert.Equal("schema-version", Assert.Single(await db.Checkpoints.ToListAsync()).Name);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
