using System.Net;
using CloudOMS.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudOMS.Grains.Tests.Hosting;

/// <summary>AddCloudOmsClient on the embedded default (SQLite, localhost clustering); PostgreSQL is covered by the failover test.</summary>
public sealed class ClusterClientTests
{
    [Fact]
    public async Task A_client_started_before_the_silo_waits_for_its_gateway_and_then_reaches_the_grains()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cloudoms-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["CloudOms:DataDirectory"] = folder,
            ["CloudOms:ClusterId"] = "client-test",
            ["CloudOms:SiloPort"] = FreePorts.Next().ToString(),
            ["CloudOms:GatewayPort"] = FreePorts.Next().ToString(),
            ["CloudOms:AuditInterval"] = "01:00:00",
            ["CloudOms:Dashboard"] = "false",
        };
        try
        {
            using var client = Build(settings, b => b.AddCloudOmsClient());
            var connecting = client.StartAsync();
            Assert.False(connecting.IsCompleted);

            using var silo = Build(settings, b => b.AddCloudOmsSilo());
            await silo.StartAsync();
            await connecting.WaitAsync(TimeSpan.FromSeconds(60));

            var grains = client.Services.GetRequiredService<IClusterClient>();
            var tenant = await TestTenant.Create(grains, ("WH1", 1));
            await TestTenant.Sku(grains, tenant, "S1", ("WH1", 5));
            var seenBySilo = await silo.Services.GetRequiredService<IGrainFactory>().Sku(tenant, "S1").Get();
            Assert.Equal(5, seenBySilo!.Level("WH1").OnHand);

            await client.StopAsync();
            await silo.StopAsync();
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<HostApplicationBuilder> add)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        add(builder);
        return builder.Build();
    }
}
