using System.Diagnostics;
using CloudOMS.LoadTests.Infrastructure;

namespace CloudOMS.LoadTests.Targets;

/// <summary>
/// The embedded product (portal, API, identity and silo in one process) started from this checkout's Release build
/// for an <c>http</c> run without --url: a fresh data folder, a free loopback port, SQLite or PostgreSQL, and the
/// demo tenant's API client with a secret made for the run. Its output goes to portal.log in the data folder.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    public const string ClientId = "demo-integration";
    private readonly Process _process;
    private readonly string _folder;

    private PortalProcess(Process process, string folder, string url, string secret) => (_process, _folder, Url, Secret) = (process, folder, url, secret);

    public string Url { get; }
    public string Secret { get; }
    public int ProcessId => _process.Id;

    public static async Task<PortalProcess> Start(string? postgres, TextWriter log)
    {
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "artifacts", "bin", "CloudOMS.WebPortal", "release", "CloudOMS.WebPortal.dll");
        if (!File.Exists(dll)) await LocalProcess.Run("dotnet", ["build", Path.Combine(root, "web-portal", "CloudOMS.WebPortal"), "-c", "Release", "-v", "q", "-nologo"]);
        var folder = Directory.CreateTempSubdirectory("cloudoms-load-portal-").FullName;
        var url = $"http://127.0.0.1:{LocalProcess.FreePort()}";
        var secret = $"load-{Guid.NewGuid():N}";
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(root, "web-portal", "CloudOMS.WebPortal"), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--urls", url, "--CloudOms:DataDirectory", folder, "--CloudOms:DemoApiSecret", secret, "--Logging:LogLevel:Default", "Warning" })
            info.ArgumentList.Add(a);
        if (postgres is not null)
            foreach (var a in new[] { "--Storage:Provider", "Postgres", "--Storage:ConnectionString", postgres }) info.ArgumentList.Add(a);
        var started = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the portal");
        var output = new StreamWriter(Path.Combine(folder, "portal.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the portal exited ({process.ExitCode}); see {folder}/portal.log");
            try
            {
                if ((await http.GetAsync($"{url}/health/ready")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (started.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"the portal was not ready within 2 minutes; see {folder}/portal.log");
            await Task.Delay(200);
        }
        log.WriteLine($"portal started at {url} in {started.Elapsed.TotalSeconds:0.0} s ({(postgres is null ? "SQLite" : "PostgreSQL")}, data {folder})");
        return new PortalProcess(process, folder, url, secret);
    }

    /// <summary>Resident memory of the portal process in MiB (for soak runs).</summary>
    public double ResidentMb()
    {
        _process.Refresh();
        return _process.WorkingSet64 / 1048576.0;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CloudOMS.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CloudOMS.sln"))) return dir.FullName;
        throw new InvalidOperationException("run from a CloudOMS checkout (CloudOMS.sln not found)");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
