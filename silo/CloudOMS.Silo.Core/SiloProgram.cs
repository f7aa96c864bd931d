using CloudOMS.Silo.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace CloudOMS.Silo;

/// <summary>
/// A silo on its own (no portal), for a multi-process cluster: what the silo executable (silo/CloudOMS.Silo)
/// runs. The embedded default is the web portal, which co-hosts the same silo.
/// </summary>
public static class SiloProgram
{
    /// <summary>
    /// The standalone silo as its executable runs it (tests and the load tool start and stop it too). It answers
    /// /health/live and /health/ready over HTTP on CloudOms:HealthPort (a free port when unset) for orchestrators'
    /// probes, on CloudOms:HealthAddress: loopback unless set (Kubernetes sets the pod's address), never every interface.
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
