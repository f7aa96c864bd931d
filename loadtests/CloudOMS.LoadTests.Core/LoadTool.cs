using CloudOMS.LoadTests.Cli;
using CloudOMS.LoadTests.Double11;
using CloudOMS.LoadTests.FlashSale;
using CloudOMS.LoadTests.OrderIntake;
using CloudOMS.LoadTests.PortalPages;
using CloudOMS.LoadTests.Reports;

namespace CloudOMS.LoadTests;

/// <summary>
/// CloudOMS load and performance tool: <c>dotnet run --project loadtests/CloudOMS.LoadTests -- &lt;scenario&gt; [options]</c>.
/// Every scenario prints a Markdown report; figures go to loadtests/RESULTS.md with the exact command.
/// </summary>
public static class LoadTool
{
    public static async Task<int> Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("""
                usage: CloudOMS.LoadTests <scenario> [--option value ...]
                scenarios:
                  flash-sale       one hot SKU, many buyers, stock far below demand; CloudOMS then PostgreSQL and Redis + Lua baselines
                  double-11        tenants × Zipf SKUs, mixed order / ship / list / dashboard / read; CloudOMS then plain PostgreSQL
                  noisy-neighbour  quiet tenants alone, then beside one tenant at 10× their rate (inproc)
                  soak             steady double-11 load for --duration seconds: latency and memory drift
                  order-intake     one request per order over HTTP: CloudOMS (自动审核 on) then the plain ASP.NET Core + Npgsql
                                   service on the same PostgreSQL server; --profile spread|hot --skus N --stock N --warmup S
                                   (default closed, 64 in flight; --rate N for open); ratio in reserved orders/s
                                   common: --target inproc|http --db sqlite|postgres --rate N (0: closed) --ramp S --duration S
                                           --max-in-flight N --baselines postgres,redis-everysec,redis-always|none --postgres <conn>
                                           --url U --client-id ID --client-secret S (http; without --url the product is started here)
                                           --out folder (report.json, report.md, report.html, PNG charts)
                  report           --from folder: write report.md/html and charts again from report.json
                  portal-pages   fill a running portal with generated orders, then time the order list and dashboard in Chromium
                                 --url http://127.0.0.1:5080 --client-id demo-integration --client-secret <secret>
                                 --orders 100000 --concurrency 64 --user admin@demo.cloudoms.cn --password Demo@2026 --runs 7
                """);
            return 2;
        }
        var options = Options.Parse(args[1..]);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        if (args[0] == "portal-pages") return await PortalPagesScenario.Run(options, stop.Token);
        if (args[0] == "report") return await Rerender(options.Text("from", ""));
        var command = "dotnet run --project loadtests/CloudOMS.LoadTests -c Release -- " + string.Join(' ', args.Select(Quote));
        await using var setup = new ScenarioSetup(options, command, Console.Error);
        Func<Options, ScenarioSetup, CancellationToken, Task<RunReport>>? scenario = args[0] switch
        {
            "flash-sale" => FlashSaleScenario.Run,
            "double-11" => Double11Scenario.Run,
            "noisy-neighbour" => NoisyNeighbourScenario.Run,
            "soak" => SoakScenario.Run,
            "order-intake" => OrderIntakeScenario.Run,
            _ => null,
        };
        if (scenario is null) return Unknown(args[0]);
        var report = await scenario(options, setup, stop.Token);
        var folder = options.Text("out", Path.Combine("loadtests", "results", $"{args[0]}-{DateTime.Now:yyyyMMdd-HHmmss}"));
        Console.WriteLine(await ReportWriter.Write(report, folder));
        Console.WriteLine($"report: {Path.GetFullPath(folder)}/report.html");
        if (report.Passed) return 0;
        Console.Error.WriteLine("CORRECTNESS CHECKS FAILED: stock or acknowledged work does not match what was stored (see the report).");
        return 1;
    }

    /// <summary>Writes a run's Markdown, HTML and charts again from its report.json (after a change to how reports read).</summary>
    private static async Task<int> Rerender(string folder)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(folder, "report.json"));
        var report = System.Text.Json.JsonSerializer.Deserialize<RunReport>(json, ReportWriter.JsonOptions)
            ?? throw new InvalidOperationException($"{folder}/report.json is empty");
        Console.WriteLine(await ReportWriter.Write(report, folder));
        return report.Passed ? 0 : 1;
    }

    private static string Quote(string arg) => arg.Contains(' ') || arg.Contains(';') ? $"'{arg}'" : arg;

    private static int Unknown(string scenario)
    {
        Console.Error.WriteLine($"unknown scenario '{scenario}' (try --help)");
        return 2;
    }
}
