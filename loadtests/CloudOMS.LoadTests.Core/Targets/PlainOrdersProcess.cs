using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudOMS.LoadTests.Infrastructure;

namespace CloudOMS.LoadTests.Targets;

/// <summary>
/// The plain order service (loadtests/CloudOMS.PlainOrders) started from this checkout's Release build on a free
/// loopback port, on a database of its own, with a signing key made for the run. The tool signs the bearer token
/// itself (HS256), as the identity provider of such a service would. Output goes to plain-orders.log.
/// </summary>
public sealed class PlainOrdersProcess : IAsyncDisposable
{
    public const string Issuer = "cloudoms-load";
    public const string Audience = "plain-orders";
    private readonly Process _process;
    private readonly string _folder;

    private PlainOrdersProcess(Process process, string folder, HttpClient http) => (_process, _folder, Http) = (process, folder, http);

    /// <summary>A client with the run's bearer token, for requests relative to the service's root.</summary>
    public HttpClient Http { get; }

    public static async Task<PlainOrdersProcess> Start(string postgres, int connections, int poolSize, TextWriter log)
    {
        var root = PortalProcess.RepositoryRoot();
        var project = Path.Combine(root, "loadtests", "CloudOMS.PlainOrders");
        var dll = Path.Combine(root, "artifacts", "bin", "CloudOMS.PlainOrders", "release", "CloudOMS.PlainOrders.dll");
        if (!File.Exists(dll)) await LocalProcess.Run("dotnet", ["build", project, "-c", "Release", "-v", "q", "-nologo"]);
        var folder = Directory.CreateTempSubdirectory("cloudoms-load-plain-").FullName;
        var url = $"http://127.0.0.1:{LocalProcess.FreePort()}";
        var key = RandomNumberGenerator.GetBytes(32);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--urls", url }) info.ArgumentList.Add(a);
        // Secrets by environment, not on the command line other users can read.
        info.Environment["PlainOrders__ConnectionString"] = postgres;
        info.Environment["PlainOrders__JwtKey"] = Convert.ToBase64String(key);
        info.Environment["PlainOrders__Connections"] = poolSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var started = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the plain order service");
        var output = new StreamWriter(Path.Combine(folder, "plain-orders.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var http = new HttpClient(handler) { BaseAddress = new Uri(url + "/"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(key, TimeSpan.FromHours(2)));
        var plain = new PlainOrdersProcess(process, folder, http);
        while (true)
        {
            if (process.HasExited)
            {
                await plain.DisposeAsync();
                throw new InvalidOperationException($"the plain order service exited ({process.ExitCode}); see {folder}/plain-orders.log");
            }
            try
            {
                using var ready = await http.GetAsync("stock");
                if (ready.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (started.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException($"the plain order service was not ready within a minute; see {folder}/plain-orders.log");
            await Task.Delay(100);
        }
        log.WriteLine($"plain order service started at {url} in {started.Elapsed.TotalSeconds:0.0} s (PostgreSQL, pool {poolSize})");
        return plain;
    }

    /// <summary>A JWT (HS256) the service accepts: its issuer and audience, valid for <paramref name="lifetime"/>.</summary>
    public static string Token(byte[] key, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = Issuer, aud = Audience, sub = "load-tool", iat = now, nbf = now, exp = now + (long)lifetime.TotalSeconds,
        }));
        var signature = Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Resident memory of the service in MiB.</summary>
    public double ResidentMb()
    {
        _process.Refresh();
        return _process.WorkingSet64 / 1048576.0;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
