using CloudOMS.LoadTests.Cli;
using CloudOMS.LoadTests.Engine;
using CloudOMS.LoadTests.Reports;
using CloudOMS.LoadTests.Targets;

namespace CloudOMS.LoadTests.OrderIntake;

/// <summary>
/// Order intake over HTTP against the plain design (issue 18): CloudOMS (--db sqlite or postgres, started here unless
/// --url) with 自动审核 on, then the plain ASP.NET Core + Npgsql service on a database of the same PostgreSQL server,
/// under the same profile, one request per order. Spread (lines over --skus SKUs) or hot (every order on one SKU);
/// stock is large enough not to sell out. The figure compared is reserved orders per second.
/// </summary>
public static class OrderIntakeScenario
{
    public static async Task<RunReport> Run(Options options, ScenarioSetup setup, CancellationToken cancellationToken)
    {
        var shape = options.Text("profile", "spread");
        if (shape is not ("spread" or "hot")) throw new ArgumentException($"--profile is spread or hot, not '{shape}'");
        var run = Guid.NewGuid().ToString("N")[..6];
        IReadOnlyList<string> skus = shape == "hot" ? [$"HOT-{run}"] : [.. Enumerable.Range(1, options.Number("skus", 1_000)).Select(n => $"SP-{run}-{n:D4}")];
        var stock = options.Number("stock", shape == "hot" ? 1_000_000 : 100_000);
        // Closed by default: 64 callers, each sending its next order when the last was answered (as wrk -c64 in the issue).
        var profile = setup.Profile(defaultRate: 0, defaultMaxInFlight: 64, defaultDuration: 20, defaultRamp: 3);
        var warmup = options.Seconds("warmup", 5);
        var runs = new List<SystemRun>();
        var cloud = new CloudOmsIntake(await HttpTarget.Connect(setup, profile.MaxInFlight, cancellationToken));
        await using (cloud)
        {
            await cloud.AutoApprove();
            runs.Add(await Measure(cloud, skus, stock, run, profile, warmup, setup, cancellationToken));
        }
        var plain = new PlainIntake(await PlainOrdersProcess.Start(await setup.FreshPostgres(), profile.MaxInFlight, options.Number("pg-connections", 64), setup.Log));
        await using (plain)
            runs.Add(await Measure(plain, skus, stock, run, profile, warmup, setup, cancellationToken));
        var (ours, theirs) = (runs[0].Stats.CountedPerSecond, runs[1].Stats.CountedPerSecond);
        var ratio = theirs > 0 ? ours / theirs : 0;
        runs[1] = runs[1] with { Ratio = ratio };
        var database = setup.Database == "postgres" ? "PostgreSQL" : "SQLite";
        return new RunReport("order-intake", $"http, CloudOMS on {database}, plain on PostgreSQL, {shape}", setup.Command, RunReport.DescribeMachine(), DateTimeOffset.Now, runs,
        [
            $"reserved orders/s: CloudOMS {ours:N0}, plain {theirs:N0}; CloudOMS / plain {ratio:0.##}×.",
            shape == "hot"
                ? $"Hot: every order one line of 1-2 units of one SKU ({stock:N0} units)."
                : $"Spread: 1-3 lines of 1-2 units over {skus.Count:N0} SKUs, evenly ({stock:N0} units each).",
            $"One request per order: CloudOMS POST /api/orders with 自动审核 on (review.outcome reserved), plain POST /orders (201). A {warmup.TotalSeconds:0.#} s warm-up at the same profile came first (not measured, but checked).",
            "The ratio column is CloudOMS / plain in reserved orders per second (not answers).",
        ]);
    }

    private static async Task<SystemRun> Measure(IIntakeSystem system, IReadOnlyList<string> skus, int stock, string run, LoadProfile profile,
        TimeSpan warmup, ScenarioSetup setup, CancellationToken cancellationToken)
    {
        setup.Log.WriteLine($"{system.Name}: stocking {skus.Count:N0} SKU(s) with {stock:N0} units, warming up {warmup.TotalSeconds:0.#} s, then {profile.Describe()}");
        await system.Stock(skus, stock);
        var workload = new IntakeWorkload(system, skus, stock, run);
        var offset = 0L;
        if (warmup > TimeSpan.Zero)
        {
            var warm = new OpenModelRunner($"{system.Name} warm-up", profile with { RampUp = TimeSpan.FromSeconds(1), Duration = warmup }, setup.Log) { ErrorKind = ErrorKinds.Name };
            var warmed = await warm.Run(workload.Next, cancellationToken);
            offset = warmed.Sent;
        }
        var runner = new OpenModelRunner(system.Name, profile, setup.Log)
        {
            ErrorKind = ErrorKinds.Name, Counter = () => workload.Reserved, ServerMemoryMb = system.ServerMemoryMb,
        };
        var stats = await runner.Run(i => workload.Next(offset + i), cancellationToken);
        setup.Log.WriteLine($"{system.Name}: checking {workload.Acknowledged:N0} orders against stored stock ...");
        var verdict = Verdict.Of(await workload.Verify());
        foreach (var check in verdict.Checks) setup.Log.WriteLine($"  {check}");
        return new SystemRun(system.Name, stats, verdict, new Dictionary<string, string>
        {
            ["reserved orders/s"] = $"{stats.CountedPerSecond:N0}",
            ["orders acknowledged (incl. warm-up)"] = $"{workload.Acknowledged:N0}",
            ["short of stock"] = $"{stats.Refused:N0}",
        });
    }
}
