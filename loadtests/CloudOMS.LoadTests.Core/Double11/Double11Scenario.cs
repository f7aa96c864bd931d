using CloudOMS.LoadTests.Cli;
using CloudOMS.LoadTests.Engine;
using CloudOMS.LoadTests.Reports;

namespace CloudOMS.LoadTests.Double11;

/// <summary>
/// Double 11 / 618: many tenants' shops at once, a few SKUs far more popular than the rest (Zipf), and the mix of
/// work a peak day brings (orders, shipments, lists, dashboards). CloudOMS first, then the plain PostgreSQL design.
/// </summary>
public static class Double11Scenario
{
    public static async Task<RunReport> Run(Options options, ScenarioSetup setup, CancellationToken cancellationToken)
    {
        var http = setup.Target == "http";
        var catalogue = NewCatalogue(options, http ? 1 : options.Number("tenants", 10));
        var profile = http ? setup.Profile(defaultRate: 500, defaultMaxInFlight: 256, defaultDuration: 30, defaultRamp: 10)
                           : setup.Profile(defaultRate: 5_000, defaultMaxInFlight: 2_000, defaultDuration: 20, defaultRamp: 5);
        var runs = new List<SystemRun>();
        await foreach (var desk in setup.OrderDesks(cancellationToken))
        {
            await using (desk)
                runs.Add(await Measure(desk, catalogue, profile, i => (int)(i % catalogue.Tenants), setup, cancellationToken));
        }
        return new RunReport("double-11", setup.TargetName, setup.Command, RunReport.DescribeMachine(), DateTimeOffset.Now, runs,
        [
            $"{catalogue.Tenants} tenant(s) × {catalogue.Skus.Count} SKUs, {catalogue.Stock:N0} units each; SKU popularity Zipf (s = 1.1), 1-3 lines of 1-2 units.",
            "Mix per request: 60 % order (create + review, which reserves), 15 % ship (pick + ship), 15 % order list, 5 % dashboard, 5 % order read.",
            "The PostgreSQL baseline is called directly by this tool, with no HTTP, tokens or JSON in between.",
        ]).WithRatios();
    }

    public static Catalogue NewCatalogue(Options options, int tenants)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        return new Catalogue(tenants, [.. Enumerable.Range(1, options.Number("skus", 200)).Select(n => $"D11-{run}-{n:D3}")], options.Number("stock", 1_000_000));
    }

    public static async Task<SystemRun> Measure(IOrderDesk desk, Catalogue catalogue, LoadProfile profile, Func<long, int> tenantOf,
        ScenarioSetup setup, CancellationToken cancellationToken, string? name = null, Func<double>? serverMemory = null)
    {
        name ??= desk.Name;
        setup.Log.WriteLine($"{name}: preparing {catalogue.Tenants} tenant(s) × {catalogue.Skus.Count} SKUs, then {profile.Describe()}");
        await desk.Prepare(catalogue);
        var workload = new Workload(desk, catalogue, tenantOf);
        var runner = new OpenModelRunner(name, profile, setup.Log) { ErrorKind = ErrorKinds.Name, Counter = () => workload.Orders, ServerMemoryMb = serverMemory };
        var stats = await runner.Run(workload.Next, cancellationToken);
        setup.Log.WriteLine($"{name}: checking {workload.Orders:N0} orders against stored stock ...");
        var verdict = Verdict.Of(await workload.Verify());
        foreach (var check in verdict.Checks) setup.Log.WriteLine($"  {check}");
        return new SystemRun(name, stats, verdict, new Dictionary<string, string>
        {
            ["orders placed (create + reserve) per second"] = $"{stats.CountedPerSecond:N0}",
            ["orders placed"] = $"{workload.Orders:N0}",
            ["shipped"] = $"{workload.Shipped:N0}",
            ["short of stock"] = $"{stats.Refused:N0}",
        });
    }
}
