using CloudOMS.LoadTests.Cli;
using CloudOMS.LoadTests.Reports;
using CloudOMS.LoadTests.Targets;

namespace CloudOMS.LoadTests.Double11;

/// <summary>
/// Steady double-11 load for a set time (--duration, default 10 minutes): does latency or memory drift? The report
/// compares the first and the last minute (or tenth of the run, if shorter) of p99 latency and resident memory.
/// </summary>
public static class SoakScenario
{
    public static async Task<RunReport> Run(Options options, ScenarioSetup setup, CancellationToken cancellationToken)
    {
        var http = setup.Target == "http";
        var catalogue = Double11Scenario.NewCatalogue(options, http ? 1 : options.Number("tenants", 10));
        var profile = setup.Profile(defaultRate: http ? 200 : 1_000, defaultMaxInFlight: http ? 256 : 2_000, defaultDuration: 600, defaultRamp: 10);
        await using var desk = await setup.CloudOmsDesk(cancellationToken);
        var portal = (desk as HttpDesk)?.Portal;
        var run = await Double11Scenario.Measure(desk, catalogue, profile, i => (int)(i % catalogue.Tenants), setup, cancellationToken,
            serverMemory: portal is null ? null : portal.ResidentMb);
        var steady = run.Stats.Timeline.Where(s => s.Second > profile.RampUp.TotalSeconds && s.Second <= profile.Total.TotalSeconds).ToList();
        var window = Math.Clamp(steady.Count / 10, 1, 60);
        var first = steady.Take(window).ToList();
        var last = steady.TakeLast(window).ToList();
        double P99(List<Engine.SecondStats> s) => s.Count == 0 ? 0 : s.Average(x => x.P99);
        double Memory(List<Engine.SecondStats> s) => s.Count == 0 ? 0 : s.Average(x => x.WorkingSetMb);
        var facts = new Dictionary<string, string>(run.Facts)
        {
            [$"p99, first {window} s → last {window} s"] = $"{P99(first):0.##} → {P99(last):0.##} ms",
            [$"resident memory (MiB), first {window} s → last {window} s"] = $"{Memory(first):N0} → {Memory(last):N0}",
        };
        return new RunReport("soak", setup.TargetName, setup.Command, RunReport.DescribeMachine(), DateTimeOffset.Now, [run with { Facts = facts }],
        [
            $"Steady {profile.Rate:N0} requests/s of the double-11 mix for {profile.Duration.TotalSeconds:N0} s after a {profile.RampUp.TotalSeconds:N0} s ramp.",
            portal is null ? "Memory is this process's (the silo runs in it)." : "Memory is the portal process's resident set.",
        ]);
    }
}
