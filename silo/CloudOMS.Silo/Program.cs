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
    public static async Task Main(string[] args) => await Build(args).RunAsync();

    /// <summary>
    /// The standalone silo as Main runs it (tests start and stop it too). It answers /health/live and
    /// /health/ready over HTTP on CloudOms:HealthPort for orchestrators' probes; with no port set, on a
    /// free loopback port only.
    /// </summary>
    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        var healthPort = builder.Configuration.GetValue<int>("CloudOms:HealthPort");
        builder.WebHost.UseUrls(healthPort > 0 ? $"http://+:{healthPort}" : "http://127.0.0.1:0");
        builder.AddCloudOmsTelemetry();
        builder.AddCloudOmsSilo();
        builder.Services.AddCloudOmsHealthChecks();
        var app = builder.Build();
        app.MapCloudOmsHealth();
        return app;
    }
}
