using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CloudOMS.LoadTests.Infrastructure;

/// <summary>Small helpers for the servers the tool starts on loopback for a run.</summary>
public static class LocalProcess
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a program to its end; a non-zero exit throws with what it printed.</summary>
    public static async Task<string> Run(string program, IEnumerable<string> arguments, string? asUser = null)
    {
        var info = new ProcessStartInfo(asUser is null ? program : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asUser is not null) foreach (var a in new[] { "-u", asUser, "--", program }) info.ArgumentList.Add(a);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited {process.ExitCode}: {await errors}{await output}");
        return await output;
    }

    /// <summary>The folder that holds the newest PostgreSQL server binaries of Debian's packages.</summary>
    public static string? PostgresBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            : null;
}
