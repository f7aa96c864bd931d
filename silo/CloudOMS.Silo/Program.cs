using Microsoft.Extensions.Configuration;
using CloudOMS.Silo.Operations;
using Microsoft.Extensions.Hosting;

namespace CloudOMS.Silo;

/// <summary>
/// A silo on its own (no portal), for a multi-process local cluster. The embedded default is the
/// web portal, which co-hosts the same silo. Named so it never clashes with the portal's Program.
/// </summary>
public static class SiloProgram
{
    public static async Task Main(string[] args) => await CreateBuilder(args).Build().RunAsync();

    /// <summary>The standalone silo's host, as Main runs it (and tests start and stop it).</summary>
    public static HostApplicationBuilder CreateBuilder(string[] args, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCloudOmsTelemetry();
        builder.AddCloudOmsSilo();
        return builder;
    }
}
