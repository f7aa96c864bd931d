using CloudOMS.Identity.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudOMS.Identity.Tests.Identity;

/// <summary>The identity database's tables come from EF Core migrations, one set per database.</summary>
[Trait(StorageRounds.Trait, StorageRounds.Fixed)]
public sealed class IdentityMigrationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_database_has_a_migration_for_the_current_model(bool postgres)
    {
        await using var db = (postgres ? new IdentityStore(true, "Host=localhost;Database=unused") : IdentityStore.Sqlite("unused.db")).ForMigrations();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the identity model needs a new migration (see IdentityMigrationContexts.cs)");
    }

    [Fact]
    public async Task An_identity_file_made_before_migrations_keeps_its_users_and_gets_the_later_tables()
    {
        var path = Path.Combine(Path.GetTempPath(), $"identity-{Guid.NewGuid():N}.db");
        var store = new IdentityStore(false, $"Data Source={path};Pooling=false");
        try
        {
            // An earlier CloudOMS made the file with EnsureCreated, before the key ring table existed and before
            // invitations kept who sent them, when and whether they were revoked.
            await using (var old = store.ForMigrations())
            {
                await old.Database.EnsureCreatedAsync();
                await old.Database.ExecuteSqlRawAsync("DROP TABLE DataProtectionKeys");
                await old.Database.ExecuteSqlRawAsync("ALTER TABLE Invitations DROP COLUMN InvitedBy");
                await old.Database.ExecuteSqlRawAsync("ALTER TABLE Invitations DROP COLUMN SentAt");
                await old.Database.ExecuteSqlRawAsync("ALTER TABLE Invitations DROP COLUMN RevokedAt");
                old.Users.Add(new OmsUser { Id = "u1", UserName = "wang@example.cn", Email = "wang@example.cn", DisplayName = "王经理" });
                await old.SaveChangesAsync();
            }

            await IdentityMigrations.Apply(store, NullLogger.Instance);
            await IdentityMigrations.Apply(store, NullLogger.Instance);

            await using var db = store.ForMigrations();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal("王经理", (await db.Users.SingleAsync(u => u.Id == "u1")).DisplayName);
            Assert.Empty(await db.DataProtectionKeys.ToListAsync());
            Assert.Empty(await db.Invitations.Where(i => i.RevokedAt == null && i.InvitedBy == "").ToListAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_postgres_identity_database_is_migrated_into_its_own_schema_once_even_when_instances_start_together()
    {
        var connectionString = await TestPostgres.CreateDatabase();
        try
        {
            var store = new IdentityStore(true, connectionString);
            // Portal instances starting together, then a restart.
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => IdentityMigrations.Apply(store, NullLogger.Instance)));
            await IdentityMigrations.Apply(store, NullLogger.Instance);

            await using var db = store.ForMigrations();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            var tables = await db.Database.SqlQueryRaw<string>(
                "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'identity'").ToListAsync();
            Assert.Contains("AspNetUsers", tables);
            Assert.Contains("DataProtectionKeys", tables);
        }
        finally
        {
            await TestPostgres.DropDatabase(connectionString);
        }
    }
}
