using System.Diagnostics;

namespace CloudOMS.WebPortal.Testing;

/// <summary>
/// A PostgreSQL server of one test's own, run by tests/postgres.sh (found by walking up from the test
/// output to the repository root), so the test may stop and restart it without disturbing anyone else.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cloudoms-pg-" + Guid.NewGuid().ToString("N")[..12]);

    private PostgresServer()
    {
    }

    /// <summary>The Npgsql connection string of the server's test database.</summary>
    public string ConnectionString { get; private set; } = "";

    public static async Task<PostgresServer> Start()
    {
        var server = new PostgresServer();
        server.ConnectionString = (await Script("start", server._directory)).Trim().Split('\n')[^1];
        return server;
    }

    /// <summary>Stops the server (fast shutdown: open connections are cut); its data stays.</summary>
    public Task Pause() => Script("pause", _directory);

    /// <summary>Starts the paused server again on the same port with the same data.</summary>
    public Task Resume() => Script("resume", _directory);

    /// <summary>Suspends every server process: connections open but nothing answers (a hung server, a lost network).</summary>
    public Task Freeze() => Script("freeze", _directory);

    public Task Thaw() => Script("thaw", _directory);

    public async ValueTask DisposeAsync() => await Script("stop", _directory);

    private static async Task<string> Script(string verb, string directory)
    {
        var start = new ProcessStartInfo("bash", [ScriptPath, verb, directory]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tests/postgres.sh {verb} failed ({process.ExitCode}): {await errors}");
        return await output;
    }

    private static string ScriptPath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CloudOMS.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("CloudOMS.sln not found above " + AppContext.BaseDirectory), "tests", "postgres.sh");
        }
    }
}
