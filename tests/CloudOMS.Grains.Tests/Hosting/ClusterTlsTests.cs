using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CloudOMS.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudOMS.Grains.Tests.Hosting;

/// <summary>
/// Cluster traffic is protected: with a cluster certificate, silos and clients speak mutual TLS and accept only a peer
/// presenting that certificate; production settings (CloudOms:RequireClusterTls) refuse to start without one.
/// </summary>
public sealed class ClusterTlsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cloudoms-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_silo_or_client_required_to_use_cluster_TLS_without_a_certificate_refuses_to_start_naming_the_setting()
    {
        var settings = new Dictionary<string, string?> { ["CloudOms:DataDirectory"] = _folder, ["CloudOms:RequireClusterTls"] = "true" };

        var silo = Assert.Throws<OptionsValidationException>(() => SiloProgram.Build([], settings));
        var client = Assert.Throws<OptionsValidationException>(() => Build(settings, b => b.AddCloudOmsClient()));

        Assert.All(new[] { silo, client }, refusal => Assert.Contains("CloudOms__ClusterCertificatePath", refusal.Message));
        settings["CloudOms:ClusterCertificatePath"] = Path.Combine(_folder, "missing.crt");
        Assert.Contains("does not exist", Assert.Throws<OptionsValidationException>(() => SiloProgram.Build([], settings)).Message);
    }

    [Fact]
    public async Task An_Orleans_client_without_the_cluster_certificate_cannot_reach_a_TLS_silo_while_one_with_it_can()
    {
        var (certificate, key, _) = ClusterTls.WriteIfMissing(Path.Combine(_folder, "tls"));
        var (otherCertificate, otherKey, _) = ClusterTls.WriteIfMissing(Path.Combine(_folder, "other"));
        var cluster = new Dictionary<string, string?>
        {
            ["CloudOms:DataDirectory"] = Path.Combine(_folder, "data"),
            ["CloudOms:ClusterId"] = "tls-test",
            ["CloudOms:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["CloudOms:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["CloudOms:AuditInterval"] = "01:00:00",
            ["CloudOms:Dashboard"] = "false",
            // A client gives up at its first failed connection instead of waiting for a silo to come.
            ["CloudOms:ClientConnectTimeout"] = "00:00:00",
        };
        var withCertificate = new Dictionary<string, string?>(cluster)
        {
            ["CloudOms:RequireClusterTls"] = "true",
            ["CloudOms:ClusterCertificatePath"] = certificate,
            ["CloudOms:ClusterCertificateKeyPath"] = key,
        };
        var withAnother = new Dictionary<string, string?>(withCertificate)
        {
            ["CloudOms:ClusterCertificatePath"] = otherCertificate,
            ["CloudOms:ClusterCertificateKeyPath"] = otherKey,
        };
        using var silo = Build(withCertificate, b => b.AddCloudOmsSilo());
        await silo.StartAsync();

        foreach (var (what, settings) in new[] { ("no TLS", cluster), ("another certificate", withAnother) })
        {
            using var stranger = Build(settings, b => b.AddCloudOmsClient());
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => stranger.StartAsync().WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.False(refused is TimeoutException, $"a client with {what} should be refused at once, it waited: {refused}");
        }

        using var member = Build(withCertificate, b => b.AddCloudOmsClient());
        await member.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var tenant = await TestTenant.Create(member.Services.GetRequiredService<IClusterClient>(), ("WH1", 1));
        Assert.NotNull(await silo.Services.GetRequiredService<IGrainFactory>().Warehouse(tenant, "WH1").Get());
        await member.StopAsync();
        await silo.StopAsync();
    }

    [Fact]
    public async Task A_standalone_silo_answers_health_probes_on_loopback_by_default_and_only_on_the_configured_address()
    {
        var port = FreePorts.Next();
        var settings = new Dictionary<string, string?>
        {
            ["CloudOms:DataDirectory"] = Path.Combine(_folder, "data"),
            ["CloudOms:ClusterId"] = "health-bind",
            ["CloudOms:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["CloudOms:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["CloudOms:HealthPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["CloudOms:AuditInterval"] = "01:00:00",
            ["CloudOms:Dashboard"] = "false",
        };
        await using (var byDefault = SiloProgram.Build([], settings))
        {
            await byDefault.StartAsync();
            Assert.Equal([$"http://127.0.0.1:{port}"], byDefault.Urls);
            await byDefault.StopAsync();
        }

        settings["CloudOms:HealthAddress"] = "127.0.0.2";
        await using var configured = SiloProgram.Build([], settings);
        await configured.StartAsync();
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://127.0.0.2:{port}/health/live")).StatusCode);
        Assert.False(Accepts(IPAddress.Loopback, port), "the health port also answers on 127.0.0.1");
        await configured.StopAsync();
    }

    [Fact]
    public async Task Silo_and_gateway_ports_listen_on_the_configured_address_and_advertise_it()
    {
        var database = await TestPostgres.CreateDatabase();
        var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
        var silo = SiloProgram.Build([], new Dictionary<string, string?>(TestPostgres.Settings(database))
        {
            ["CloudOms:DataDirectory"] = Path.Combine(_folder, "data"),
            ["CloudOms:ClusterId"] = "endpoints",
            ["CloudOms:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["CloudOms:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["CloudOms:AdvertisedAddress"] = "127.0.0.1",
            ["CloudOms:ListenAddress"] = "127.0.0.1",
            ["CloudOms:Projection"] = "false",
            ["CloudOms:Dashboard"] = "false",
        });
        try
        {
            await silo.StartAsync();

            Assert.Equal(IPAddress.Loopback, silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint.Address);
            Assert.True(Accepts(IPAddress.Loopback, siloPort) && Accepts(IPAddress.Loopback, gatewayPort));
            // The host's own address, which Orleans would have bound and advertised by default.
            var host = (await Dns.GetHostAddressesAsync(Dns.GetHostName())).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
            if (host is not null) Assert.False(Accepts(host, siloPort) || Accepts(host, gatewayPort), $"the silo also listens on {host}");
            await silo.StopAsync();
        }
        finally
        {
            await silo.DisposeAsync();
            await TestPostgres.DropDatabase(database);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static bool Accepts(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
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
