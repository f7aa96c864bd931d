using Microsoft.Extensions.Hosting;

namespace CloudOMS.Silo;

/// <summary>
/// A silo on its own (no portal), for a multi-process local cluster. The embedded default is the
/// web portal, which co-hosts the same silo. Named so it never clashes with the portal's Program.
/// </summary>
public static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddCloudOmsSilo();
        await builder.Build().RunAsync();
    }
}
