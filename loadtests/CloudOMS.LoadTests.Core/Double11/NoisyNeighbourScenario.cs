using CloudOMS.LoadTests.Cli;
using CloudOMS.LoadTests.Engine;
using CloudOMS.LoadTests.Reports;

namespace CloudOMS.LoadTests.Double11;

/// <summary>
/// One tenant at 10× the others' rate. The quiet tenants run the double-11 mix twice on fresh silos with the same
/// load: alone, then beside the noisy one; the report compares their latency (the target: p99 up by at most 25 %).
/// </summary>
public static class NoisyNeighbourScenario
{
    public static async Task<RunReport> Run(Options options, ScenarioSetup setup, CancellationToken cancellationToken)
    {
        if (setup.Target == "http") throw new ArgumentException("noisy-neighbour runs inproc: over HTTP it needs an API client per tenant");
        var tenants = Math.Max(2, options.Number("tenants", 5));
        var quietRate = options.Decimal("rate", 200);
        var noisyFactor = options.Decimal("noisy-factor", 10);
        var duration = options.Seconds("duration", 20);
        var ramp = options.Seconds("ramp", 5);
        var cap = options.Number("max-in-flight", 2_000);
        var quiet = new LoadProfile(quietRate * (tenants - 1), ramp, duration, cap);
        var noisy = new LoadProfile(quietRate * noisyFactor, ramp, duration, cap);
        int QuietTenant(long i) => 1 + (int)(i % (tenants - 1));

        var catalogue = Double11Scenario.NewCatalogue(options, tenants);
        var runs = new List<SystemRun>();
        await using (var alone = await setup.CloudOmsDesk(cancellationToken))
            runs.Add(await Double11Scenario.Measure(alone, catalogue, quiet, QuietTenant, setup, cancellationToken, $"{tenants - 1} quiet tenants, alone"));

        await using (var shared = await setup.CloudOmsDesk(cancellationToken))
        {
            var quietRun = Double11Scenario.Measure(shared, catalogue, quiet, QuietTenant, setup, cancellationToken, $"{tenants - 1} quiet tenants, beside the noisy one");
            // The noisy tenant's load starts with the quiet tenants' (the desk is prepared once, by the quiet run).
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var noisyRun = NoisyLoad(shared, catalogue, noisy, setup, cancellationToken);
            runs.Add(await quietRun);
            runs.Add(await noisyRun);
        }
        var before = runs[0].Stats.Reported.P99;
        var after = runs[1].Stats.Reported.P99;
        return new RunReport("noisy-neighbour", setup.TargetName, setup.Command, RunReport.DescribeMachine(), DateTimeOffset.Now, runs,
        [
            $"Quiet tenants: {tenants - 1} at {quietRate:N0} requests/s each; noisy tenant: {quietRate * noisyFactor:N0} requests/s ({noisyFactor:0.#}×).",
            $"Quiet tenants' p99: {before:0.##} ms alone, {after:0.##} ms beside the noisy tenant: {(after / Math.Max(before, 1e-9) - 1) * 100:+0;-0} % (target ≤ +25 %).",
            "The ratio column compares throughput only; the latency change is the figure that matters here.",
        ]);
    }

    private static async Task<SystemRun> NoisyLoad(IOrderDesk desk, Catalogue catalogue, LoadProfile profile, ScenarioSetup setup, CancellationToken cancellationToken)
    {
        var workload = new Workload(desk, catalogue, _ => 0);
        var runner = new OpenModelRunner("noisy tenant", profile, setup.Log) { ErrorKind = ErrorKinds.Name, Counter = () => workload.Orders };
        var stats = await runner.Run(workload.Next, cancellationToken);
        var verdict = Verdict.Of(await workload.Verify());
        return new SystemRun("noisy tenant (10×)", stats, verdict, new Dictionary<string, string> { ["orders placed"] = $"{workload.Orders:N0}" });
    }
}
