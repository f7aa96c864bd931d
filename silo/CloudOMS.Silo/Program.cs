using CloudOMS.Silo.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace CloudOMS.Silo;

/// <summary>
/// A silo on its own (no portal), for a multi-process cluster. The embedded default is the web portal,
/// which co-hosts the same silo. Named so it never clashes with the portal's Program.
/// </summary>
public static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["cluster-certificate", var folder])
        {
            var (certificate, key, created) = ClusterTls.WriteIfMissing(folder);
            Console.WriteLine(created ? $"cluster certificate written: {certificate} (key {key})" : $"cluster certificate kept: {certificate}");
            return;
        }
        await Build(args).RunAsync();
    }

    /// <summary>
    /// The standalone silo as Main runs it (tests start and stop it too). It answers /health/live and
    /// /health/ready over HTTP on CloudOms:HealthPort (a free port when unset) for orchestrators' probes, on
    /// CloudOms:HealthAddress: loopback unless set (Kubernetes sets the pod's address), never every interface.
    /// `dotnet CloudOMS.Silo.dll cluster-certificate DIR` writes a new cluster certificate into DIR instead.
    /// </summary>
    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        var options = SiloHostingExtensions.ReadOptions(builder.Configuration);
        var address = CloudOmsOptions.Address(options.HealthAddress, nameof(options.HealthAddress)) ?? System.Net.IPAddress.Loopback;
        builder.WebHost.UseUrls($"http://{new System.Net.IPEndPoint(address, options.HealthPort)}");
        builder.AddCloudOmsTelemetry();
        builder.AddCloudOmsSilo();
        builder.Services.AddCloudOmsHealthChecks();
        var app = builder.Build();
        app.MapCloudOmsHealth();
        return app;
    }
}
