using System.Diagnostics;

namespace CloudOMS.Testing;

/// <summary>
/// A CloudOMS silo in a process of its own, started the way deploy/local-cluster.sh starts one:
/// `dotnet CloudOMS.Silo.dll` with its settings in environment variables. The test project references
/// the silo project, so the silo's dll and runtimeconfig sit in the test's output folder. The process
/// is the dotnet host itself (no shell in between), so killing it kills the silo.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private int _disposed;

    private SiloProcess(string name, int siloPort, string logPath, Process process, StreamWriter log)
    {
        (Name, SiloPort, LogPath, _process, _log) = (name, siloPort, logPath, process, log);
    }

    public string Name { get; }
    public int SiloPort { get; }
    public string LogPath { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    public static string SiloDll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "CloudOMS.Silo.dll");
            if (!File.Exists(dll) || !File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
                throw new InvalidOperationException($"CloudOMS.Silo.dll and its runtimeconfig are expected beside the tests in {AppContext.BaseDirectory}");
            return dll;
        }
    }

    public static SiloProcess Start(string name, int siloPort, string folder, IReadOnlyDictionary<string, string> environment)
    {
        Directory.CreateDirectory(folder);
        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        info.ArgumentList.Add(SiloDll);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var logPath = Path.Combine(folder, "silo.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        var silo = new SiloProcess(name, siloPort, logPath, process, log);
        process.OutputDataReceived += (_, e) => silo.Write(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>SIGKILL: no shutdown, no leaving the cluster; the others must find out it is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public string ReadLog()
    {
        lock (_logLock) _log.Flush();
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            if (!_process.HasExited) Kill();
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        _process.Dispose();
        lock (_logLock) _log.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_logLock)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output that arrives after the test closed the log.
            }
        }
    }

    /// <summary>The dotnet that runs these tests (the CLI names it to its child processes), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
