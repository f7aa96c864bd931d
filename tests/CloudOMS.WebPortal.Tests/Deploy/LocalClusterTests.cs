using System.Diagnostics;
using Xunit.Abstractions;

namespace CloudOMS.WebPortal.Tests.Deploy;

/// <summary>
/// deploy/local-cluster.sh: it restarts a silo (after a crash too), and `down` signals only the processes it started,
/// never a process that has since been given a recorded pid. Runs the script as an operator would.
/// </summary>
[Trait(StorageRounds.Trait, StorageRounds.Fixed)]
public sealed class LocalClusterTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "cloudoms-local-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<Process> _strangers = [];

    [Fact]
    public async Task Down_signals_a_process_it_started_but_not_one_that_took_over_a_recorded_pid()
    {
        Directory.CreateDirectory(_state);
        var started = Stranger();
        var taker = Stranger();
        // The first is recorded as started; the second's pid is recorded with another start time, as when the process
        // the script started is gone and the system gave its pid to something else.
        await File.WriteAllLinesAsync(Path.Combine(_state, "pids"),
        [
            $"{started.Id} {StartTime(started.Id)} silo1 sleep",
            $"{taker.Id} {long.Parse(StartTime(taker.Id)) - 100} silo2 sleep",
        ]);

        var (code, text) = await Script("down");

        Assert.True(code == 0, text);
        Assert.True(started.WaitForExit(TimeSpan.FromSeconds(10)), "the process the script started is still running");
        Assert.False(taker.HasExited, $"down signalled pid {taker.Id}, which the script never started");
        Assert.Contains($"pid {taker.Id} now belongs to another process", text);
        Assert.False(Directory.Exists(_state));
    }

    [Fact]
    public async Task A_silo_killed_with_SIGKILL_is_restarted_on_its_ports_and_the_cluster_serves_again_over_TLS_on_loopback()
    {
        var (code, text) = await Script("up");
        Assert.True(code == 0 && text.Contains("silo2      : 200", StringComparison.Ordinal), text);
        try
        {
            var silo1 = Recorded("silo1");
            var ports = await File.ReadAllTextAsync(Path.Combine(_state, "silo1.ports"));

            (code, text) = await Script("kill", "silo", "1");
            Assert.True(code == 0, text);
            Assert.True(Gone(silo1), $"silo1 (pid {silo1}) survived the kill");
            (code, text) = await Script("restart", "silo", "1");
            Assert.True(code == 0 && text.Contains("silo1 restarted", StringComparison.Ordinal), text);
            Assert.NotEqual(silo1, Recorded("silo1"));
            Assert.Equal(ports, await File.ReadAllTextAsync(Path.Combine(_state, "silo1.ports")));
            Assert.Contains("silo1      : 200", text);

            (code, text) = await Script("flow");
            Assert.True(code == 0 && text.Contains("Shipped", StringComparison.Ordinal), text);
            // Silo, gateway and health ports of both silos listen on loopback only; the cluster speaks TLS.
            foreach (var port in (await File.ReadAllTextAsync(Path.Combine(_state, "silo1.ports"))).Split(' ').Select(int.Parse))
                Assert.Equal(["127.0.0.1"], ListeningAddresses(port));
            Assert.True(File.Exists(Path.Combine(_state, "tls", "cluster.crt")));
        }
        finally
        {
            var pids = File.Exists(Path.Combine(_state, "pids")) ? File.ReadAllLines(Path.Combine(_state, "pids")).Select(l => l.Split(' ')[0]).ToList() : [];
            (code, text) = await Script("down");
            Assert.True(code == 0, text);
            Assert.All(pids, pid => Assert.True(Gone(pid), $"pid {pid} still runs after down"));
        }
    }

    public void Dispose()
    {
        foreach (var process in _strangers)
        {
            if (!process.HasExited) process.Kill();
            process.Dispose();
        }
        if (Directory.Exists(_state)) Directory.Delete(_state, recursive: true);
    }

    private Process Stranger()
    {
        var process = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        _strangers.Add(process);
        return process;
    }

    private string Recorded(string name) =>
        File.ReadAllLines(Path.Combine(_state, "pids")).Select(l => l.Split(' ')).Single(f => f[2] == name)[0];

    /// <summary>Field 22 of /proc/PID/stat, as the script reads it.</summary>
    private static string StartTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
    }

    /// <summary>Exited: no such process, or a zombie whose parent has not reaped it yet.</summary>
    private static bool Gone(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>The local addresses listening on TCP <paramref name="port"/>, from /proc/net/tcp and tcp6.</summary>
    private static List<string> ListeningAddresses(int port)
    {
        var hexPort = port.ToString("X4");
        var result = new List<string>();
        foreach (var (file, v6) in new[] { ("/proc/net/tcp", false), ("/proc/net/tcp6", true) })
        {
            if (!File.Exists(file)) continue;
            foreach (var fields in File.ReadLines(file).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                var (local, listening) = (fields[1], fields[3] == "0A");
                if (!listening || !local.EndsWith(":" + hexPort, StringComparison.Ordinal)) continue;
                var hex = local[..local.IndexOf(':')];
                result.Add(v6 ? hex : string.Join('.', Convert.FromHexString(hex).Reverse()));
            }
        }
        return result;
    }

    private async Task<(int Code, string Output)> Script(params string[] args)
    {
        var info = new ProcessStartInfo("bash", [DeployFiles.Path("local-cluster.sh"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["CLOUDOMS_LOCAL_CLUSTER"] = _state;
        // The tests run from a fresh build of the solution: the script starts that build instead of making its own.
        info.Environment["CLOUDOMS_LOCAL_CLUSTER_BUILD"] = "0";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        var text = await stdout + await stderr;
        output.WriteLine($"$ local-cluster.sh {string.Join(' ', args)} -> {process.ExitCode}\n{text}");
        return (process.ExitCode, text);
    }
}
