using System.Runtime.InteropServices;
using CloudOMS.LoadTests.Engine;

namespace CloudOMS.LoadTests.Reports;

/// <summary>The checks of one run: each line says what was compared and whether it held.</summary>
public sealed record Verdict(bool Passed, IReadOnlyList<string> Checks)
{
    public static Verdict Of(params (bool Held, string What)[] checks) =>
        new(checks.All(c => c.Held), [.. checks.Select(c => (c.Held ? "ok: " : "FAILED: ") + c.What)]);
}

/// <summary>One system (CloudOMS or a baseline) measured in a scenario.</summary>
public sealed record SystemRun(string System, RunStats Stats, Verdict Verdict, IReadOnlyDictionary<string, string> Facts)
{
    /// <summary>The first run's throughput divided by this one's (CloudOMS / baseline), when this is a baseline.</summary>
    public double? Ratio { get; init; }
}

/// <summary>Everything a scenario measured, as written to JSON, Markdown and HTML.</summary>
public sealed record RunReport(string Scenario, string Target, string Command, string Machine, DateTimeOffset At, IReadOnlyList<SystemRun> Runs, IReadOnlyList<string> Notes)
{
    public bool Passed => Runs.All(r => r.Verdict.Passed);

    public static string DescribeMachine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, {memory:0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    /// <summary>Ratios of every later run against the first (CloudOMS is always measured first).</summary>
    public RunReport WithRatios() => this with
    {
        Runs = [.. Runs.Select((r, i) => i == 0 || r.Stats.Throughput <= 0 ? r : r with { Ratio = Runs[0].Stats.Throughput / r.Stats.Throughput })],
    };
}
