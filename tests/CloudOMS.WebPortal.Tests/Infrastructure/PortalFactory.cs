
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CloudOMS.WebPortal.Tests.Infrastructure;

/// <summary>
/// The real web portal (silo, storage, projection, demo seeding) on real Kestrel over loopback. Each
/// factory has its own data folder, silo and gateway ports and cluster id, so test classes run in parallel.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public PortalFactory()
    {
        // Port 0: Kestrel picks a free port, which the client's base address then carries.
        UseKestrel(0);
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "cloudoms-webtests", Guid.NewGuid().ToString("N"));

    public int SiloPort { get; } = FreeTcpPort();

    public int GatewayPort { get; } = FreeTcpPort();

    public string ClusterId { get; } = "webtest-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A client speaking HTTP to the Kestrel server, with the API's JSON conventions.</summary>
    public OmsClient Api { get; private set; } = null!;

    public Task InitializeAsync()
    {
        StartServer();
        Api = new OmsClient(CreateClient());
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the folder is under the temp directory anyway.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("CloudOms:DataDirectory", DataDirectory);
        builder.UseSetting("CloudOms:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("CloudOms:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("CloudOms:ClusterId", ClusterId);
        builder.UseSetting("CloudOms:SeedDemo", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
