using CloudOMS.LoadTests.Cli;
using CloudOMS.LoadTests.Engine;
using CloudOMS.LoadTests.Infrastructure;
using CloudOMS.LoadTests.Reports;

namespace CloudOMS.LoadTests.FlashSale;

/// <summary>
/// One hot SKU, many buyers, stock far smaller than demand. CloudOMS is measured first, then each baseline under
/// the same load profile on the same machine; after each run the stored stock is checked against the answers.
/// </summary>
public static class FlashSaleScenario
{
    public static async Task<RunReport> Run(Options options, ScenarioSetup setup, CancellationToken cancellationToken)
    {
        var http = setup.Target == "http";
        var stock = options.Number("stock", http ? 2_000 : 10_000);
        var profile = http ? setup.Profile(defaultRate: 2_000, defaultMaxInFlight: 256) : setup.Profile(defaultRate: 200_000, defaultMaxInFlight: 4_000);
        var runs = new List<SystemRun>();
        await foreach (var system in setup.ReservationSystems(cancellationToken))
        {
            await using (system)
                runs.Add(await Measure(system, stock, profile, setup, cancellationToken));
        }
        return new RunReport("flash-sale", setup.TargetName, setup.Command, RunReport.DescribeMachine(), DateTimeOffset.Now, runs,
        [
            $"One SKU with {stock:N0} units; every request reserves 1 unit for its own order.",
            "Throughput counts every answer (granted or sold out); CloudOMS / baseline compares throughput from the same invocation.",
        ]).WithRatios();
    }

    private static async Task<SystemRun> Measure(IReservationSystem system, int stock, LoadProfile profile, ScenarioSetup setup, CancellationToken cancellationToken)
    {
        setup.Log.WriteLine($"flash-sale: {system.Name}, {profile.Describe()}, stock {stock:N0}");
        await system.Prepare(stock);
        var ledger = new Ledger();
        var runner = new OpenModelRunner(system.Name, profile, setup.Log) { ErrorKind = ErrorKinds.Name };
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        long lastGrant = started;
        var stats = await runner.Run(async index =>
        {
            try
            {
                var outcome = await system.Reserve(index);
                ledger.Set(index, outcome.Refused ? Ledger.Refused : Ledger.Granted);
                if (!outcome.Refused) Interlocked.Exchange(ref lastGrant, System.Diagnostics.Stopwatch.GetTimestamp());
                return outcome;
            }
            catch
            {
                ledger.Set(index, Ledger.Unknown);
                throw;
            }
        }, cancellationToken);

        var granted = ledger.All(Ledger.Granted);
        var unknown = ledger.All(Ledger.Unknown);
        var settled = await system.Settle(unknown);
        var stored = await system.ReadStored(granted);
        var held = granted.Count + settled.Count;
        var verdict = Verdict.Of(
            (held <= stock, $"granted {granted.Count:N0} + {settled.Count:N0} settled of {unknown.Count:N0} unknown = {held:N0} ≤ stock {stock:N0}"),
            (stored.Reserved == held, $"stored reserved {stored.Reserved:N0} = acknowledged {held:N0}"),
            (stored.Reserved <= stored.OnHand && stored.OnHand == stock, $"stored 0 ≤ reserved {stored.Reserved:N0} ≤ on hand {stored.OnHand:N0} = stock"),
            (stored.Records is null || stored.Records == stored.Reserved,
                stored.Records is null ? "reservation records: kept by the orders, not the SKU" : $"reservation records {stored.Records:N0} = reserved"),
            (stored.GrantedFound is null || stored.GrantedFound == granted.Count,
                stored.GrantedFound is null ? "granted order ids: checked through totals" : $"granted order ids found {stored.GrantedFound:N0} of {granted.Count:N0}"));
        foreach (var check in verdict.Checks) setup.Log.WriteLine($"  {check}");
        return new SystemRun(system.Name, stats, verdict, new Dictionary<string, string>
        {
            ["granted"] = $"{granted.Count:N0}",
            ["last unit granted at"] = $"{System.Diagnostics.Stopwatch.GetElapsedTime(started, Interlocked.Read(ref lastGrant)).TotalSeconds:0.0} s",
            ["sold out"] = $"{stats.Refused:N0}",
            ["unknown, settled holding"] = $"{unknown.Count:N0}, {settled.Count:N0}",
        });
    }
}
