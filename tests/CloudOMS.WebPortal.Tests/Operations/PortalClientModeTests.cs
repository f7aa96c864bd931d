using System.Text.Json;
using CloudOMS.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace CloudOMS.WebPortal.Tests.Operations;

/// <summary>
/// CloudOms:Hosting=Client: the portal runs no silo; it reaches a standalone silo as an Orleans client
/// and reads the shared PostgreSQL read model, which it keeps projected itself.
/// </summary>
[Trait(StorageRounds.Trait, StorageRounds.Fixed)]
public sealed class PortalClientModeTests
{
    [Fact]
    public async Task A_client_only_portal_serves_the_API_through_a_standalone_silo_and_the_shared_read_model()
    {
        var database = await TestPostgres.CreateDatabase();
        var cluster = "client-mode-" + Guid.NewGuid().ToString("N")[..8];
        var siloFolder = Path.Combine(Path.GetTempPath(), "cloudoms-webtests", Guid.NewGuid().ToString("N"));
        var gateway = FreePorts.Next();
        var siloHealth = FreePorts.Next();
        var silo = SiloProgram.Build([], new Dictionary<string, string?>(TestPostgres.Settings(database))
        {
            ["CloudOms:DataDirectory"] = siloFolder,
            ["CloudOms:ClusterId"] = cluster,
            ["CloudOms:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CloudOms:GatewayPort"] = gateway.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CloudOms:Projection"] = "false",
            ["CloudOms:HealthPort"] = siloHealth.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var portal = new PortalFactory();
        foreach (var (key, value) in TestPostgres.Settings(database)) portal.Settings[key] = value;
        portal.Settings["CloudOms:Hosting"] = "Client";
        portal.Settings["CloudOms:ClusterId"] = cluster;
        try
        {
            await silo.StartAsync();
            await ((IAsyncLifetime)portal).InitializeAsync();

            Assert.Null(portal.Services.GetService<ILocalSiloDetails>());
            var sku = await portal.Api.CreateSku();
            var warehouse = await portal.Api.CreateWarehouse(priority: 1);
            await portal.Api.Receive(sku, warehouse, 10);
            var order = await portal.Api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 3)));
            var approved = await portal.Api.Act(order.OrderId, "approve");
            Assert.Equal("Approved", approved.Status);

            // Written by the silo, projected by the portal into the shared read model, listed from there.
            var listed = await portal.Api.OrdersWhen($"q={order.OrderId}", p => p.Items.Any(o => o.Status == "Approved"));
            Assert.Equal(warehouse, Assert.Single(listed.Items).Warehouse);
            Assert.Equal(3, (await portal.Api.Level(sku, warehouse)).Reserved);

            using var anonymous = new HttpClient { BaseAddress = portal.Api.Http.BaseAddress };
            var ready = await anonymous.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            var check = body.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == Silo.Operations.HealthChecks.Silo);
            Assert.Equal("Healthy", check.GetProperty("status").GetString());
            // The standalone silo answers its own probes over HTTP.
            var siloReady = await anonymous.GetAsync($"http://127.0.0.1:{siloHealth}/health/ready");
            Assert.Equal(HttpStatusCode.OK, siloReady.StatusCode);
            Assert.Contains("this silo Active", await siloReady.Content.ReadAsStringAsync());
        }
        finally
        {
            await ((IAsyncLifetime)portal).DisposeAsync();
            await silo.StopAsync();
            await silo.DisposeAsync();
            await TestPostgres.DropDatabase(database);
            if (Directory.Exists(siloFolder)) Directory.Delete(siloFolder, recursive: true);
        }
    }

    [Fact]
    public void Client_hosting_on_sqlite_is_refused_with_the_setting_to_fix()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CloudOms:Hosting"] = "Client" });

        var refusal = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => builder.AddCloudOmsPortalClient());

        Assert.Contains("Storage__Provider", refusal.Message);
    }
}
