using System.Diagnostics;
using StackExchange.Redis;

namespace CloudOMS.LoadTests.Infrastructure;

/// <summary>
/// Debian's redis-server started for a run on a free loopback port, with an append-only file synced as asked
/// (everysec: at most about a second lost on a crash; always: every write on disk before the answer).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private RedisServer(Process process, string dir, ConnectionMultiplexer connection) =>
        (_process, _dir, Connection) = (process, dir, connection);

    public ConnectionMultiplexer Connection { get; }

    public static bool Installed => File.Exists("/usr/bin/redis-server");

    public static async Task<RedisServer> Start(string appendFsync)
    {
        if (!Installed) throw new InvalidOperationException("redis-server is not installed: apt-get install -y redis-server");
        var dir = Directory.CreateTempSubdirectory("cloudoms-load-redis-").FullName;
        var port = LocalProcess.FreePort();
        var info = new ProcessStartInfo("/usr/bin/redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes",
                     "--appendfsync", appendFsync, "--protected-mode", "no", "--daemonize", "no" })
            info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start redis-server");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=true,connectTimeout=2000");
                return new RedisServer(process, dir, connection);
            }
            catch (RedisConnectionException) when (attempt < 50 && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
