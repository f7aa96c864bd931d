namespace CloudOMS.Silo;

/// <summary>The standalone silo's executable (<see cref="SiloProgram"/>), for a multi-process cluster.</summary>
internal static class Program
{
    /// <summary>`dotnet CloudOMS.Silo.dll cluster-certificate DIR` writes a new cluster certificate into DIR instead.</summary>
    public static async Task Main(string[] args)
    {
        if (args is ["cluster-certificate", var folder])
        {
            var (certificate, key, created) = ClusterTls.WriteIfMissing(folder);
            Console.WriteLine(created ? $"cluster certificate written: {certificate} (key {key})" : $"cluster certificate kept: {certificate}");
            return;
        }
        await SiloProgram.Build(args).RunAsync();
    }
}
