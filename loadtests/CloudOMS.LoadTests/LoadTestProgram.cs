using CloudOMS.LoadTests.Cli;
using CloudOMS.LoadTests.PortalPages;

namespace CloudOMS.LoadTests;

/// <summary>
/// CloudOMS load and performance tool: <c>dotnet run --project loadtests/CloudOMS.LoadTests -- &lt;scenario&gt; [options]</c>.
/// Every scenario prints a Markdown report; figures go to loadtests/RESULTS.md with the exact command.
/// </summary>
public static class LoadTestProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("""
                usage: CloudOMS.LoadTests <scenario> [--option value ...]
                scenarios:
                  portal-pages   fill a running portal with generated orders, then time the order list and dashboard in Chromium
                                 --url http://127.0.0.1:5080 --client-id demo-integration --client-secret <secret>
                                 --orders 100000 --concurrency 64 --user admin@demo.cloudoms.cn --password Demo@2026 --runs 7
                """);
            return 2;
        }
        var options = Options.Parse(args[1..]);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        return args[0] switch
        {
            "portal-pages" => await PortalPagesScenario.Run(options, stop.Token),
            _ => Unknown(args[0]),
        };
    }

    private static int Unknown(string scenario)
    {
        Console.Error.WriteLine($"unknown scenario '{scenario}' (try --help)");
        return 2;
    }
}
