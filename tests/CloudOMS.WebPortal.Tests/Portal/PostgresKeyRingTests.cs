using CloudOMS.Identity;
using CloudOMS.Identity.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.WebPortal.Tests.Portal;

/// <summary>
/// On PostgreSQL the data protection key ring is in the shared database, so portal instances with no
/// shared folder (several pods, a restart on a fresh disk) read each other's cookies and protected storage.
/// </summary>
[Trait(StorageRounds.Trait, StorageRounds.Fixed)]
public sealed class PostgresKeyRingTests
{
    [Fact]
    public async Task A_portal_on_another_disk_reads_what_this_one_protected_with_the_key_ring_in_the_database()
    {
        var database = await TestPostgres.CreateDatabase();
        var portal = new PortalFactory();
        foreach (var (key, value) in TestPostgres.Settings(database)) portal.Settings[key] = value;
        try
        {
            await ((IAsyncLifetime)portal).InitializeAsync();
            var sealedText = portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cloudoms.tests").Protect("临沂总仓");
            Assert.False(Directory.Exists(IdentityHostingExtensions.DataProtectionKeys(portal.DataDirectory)), "no key files on disk");

            // Another instance: nothing of this one's folder, only the database.
            var services = new ServiceCollection();
            var store = new IdentityStore(true, database);
            services.AddDbContext<IdentityDb>(store.Configure);
            services.AddDataProtection().SetApplicationName(IdentityHostingExtensions.DataProtectionApplication).PersistKeysToDbContext<IdentityDb>();
            await using var other = services.BuildServiceProvider();

            Assert.Equal("临沂总仓", other.GetRequiredService<IDataProtectionProvider>().CreateProtector("cloudoms.tests").Unprotect(sealedText));
        }
        finally
        {
            await ((IAsyncLifetime)portal).DisposeAsync();
            await TestPostgres.DropDatabase(database);
        }
    }
}
