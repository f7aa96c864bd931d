using System.Net;
using CloudOMS.Silo;
using CloudOMS.Silo.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace CloudOMS.Grains.Tests.Persistence;

/// <summary>A silo started the way production starts it, with Storage:Provider=Postgres.</summary>
public sealed class PostgresSiloTests
{
    [Fact]
    public async Task A_postgres_silo_joins_the_cluster_through_the_membership_table_and_keeps_reminders_there()
    {
        var database = await TestPostgres.CreateDatabase();
        var folder = Path.Combine(Path.GetTempPath(), "cloudoms-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestPostgres.Settings(database))
            {
                ["CloudOms:DataDirectory"] = folder,
                ["CloudOms:ClusterId"] = "pg-silo-test",
                ["CloudOms:SiloPort"] = FreePorts.Next().ToString(),
                ["CloudOms:GatewayPort"] = FreePorts.Next().ToString(),
                ["CloudOms:AuditInterval"] = "01:00:00",
            });
            builder.AddCloudOmsSilo();
            using var host = builder.Build();
            await host.StartAsync();

            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var tenant = await TestTenant.Create(grains, ("WH1", 1));
            await TestTenant.Sku(grains, tenant, "S1", ("WH1", 5));
            Assert.Equal(5, (await grains.Sku(tenant, "S1").Get())!.Level("WH1").OnHand);

            var members = await host.Services.GetRequiredService<IMembershipTable>().ReadAllAsync();
            var self = Assert.Single(members.Members);
            Assert.Equal(SiloStatus.Active, self.Item1.Status);

            var reminders = host.Services.GetRequiredService<IReminderTable>();
            var grain = GrainId.Create("oms-test", $"t:{tenant}/reminder");
            var start = DateTime.UtcNow;
            var first = await reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "audit", StartAt = start, Period = TimeSpan.FromMinutes(5) });
            var second = await reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "audit", StartAt = start, Period = TimeSpan.FromMinutes(10) });
            Assert.NotEqual(first, second);
            var stored = await reminders.ReadRow(grain, "audit");
            Assert.Equal((TimeSpan.FromMinutes(10), second), (stored!.Period, stored.ETag));
            var hash = grain.GetUniformHashCode();
            Assert.Contains((await reminders.ReadRows(hash - 1, hash)).Reminders, r => r.GrainId == grain);
            Assert.Contains((await reminders.ReadRows(hash, hash)).Reminders, r => r.GrainId == grain);
            Assert.False(await reminders.RemoveRow(grain, "audit", first!));
            Assert.True(await reminders.RemoveRow(grain, "audit", second!));
            Assert.Empty((await reminders.ReadRows(grain)).Reminders);

            await host.StopAsync();
        }
        finally
        {
            await TestPostgres.DropDatabase(database);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_with_the_setting_to_fix()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" }).Build();

        var refusal = Assert.Throws<OptionsValidationException>(() => StorageBackend.ReadOptions(configuration));

        Assert.Contains("Storage__ConnectionString", refusal.Message);
        Assert.Equal(StorageProvider.Sqlite, StorageBackend.ReadOptions(new ConfigurationBuilder().Build()).Provider);
    }
}
