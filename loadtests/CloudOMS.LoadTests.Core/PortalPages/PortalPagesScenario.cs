using System.Diagnostics;
using CloudOMS.LoadTests.Cli;

namespace CloudOMS.LoadTests.PortalPages;

/// <summary>
/// Are the portal's busiest pages still quick on a large tenant? Times the order list's first page and the
/// dashboard on the data the tenant has now (the baseline), fills it with generated orders through the API,
/// waits until the read model has them all, and times the same pages again in the same browser.
/// </summary>
public static class PortalPagesScenario
{
    public static async Task<int> Run(Options options, CancellationToken cancellationToken)
    {
        var url = options.Text("url", "http://127.0.0.1:5080");
        var orders = options.Number("orders", 100_000);
        var runs = options.Number("runs", 7);
        using var api = await ApiSession.SignIn(url, options.Text("client-id", "demo-integration"),
            options.Text("client-secret", Environment.GetEnvironmentVariable("CLOUDOMS_DEMO_API_SECRET") ?? ""), options.Number("concurrency", 64), cancellationToken);
        await using var browser = await PageTimer.SignIn(url, options.Text("user", "admin@demo.cloudoms.cn"), options.Text("password", "Demo@2026"));

        var before = await OrderTotal(api, cancellationToken);
        Console.WriteLine($"baseline: {before:N0} orders in the tenant; timing pages ({runs} runs each after one warm-up)");
        var baseline = await Measure(browser, api, runs);

        Console.WriteLine($"generating {orders:N0} orders through the API");
        var outcome = await new OrderGenerator(api, options.Text("warehouse", "LY-MAIN")).Run(orders, options.Number("concurrency", 64), cancellationToken);
        var caughtUp = Stopwatch.StartNew();
        while (await OrderTotal(api, cancellationToken) < before + outcome.Created)
            await Task.Delay(500, cancellationToken);
        Console.WriteLine($"read model caught up {caughtUp.Elapsed.TotalSeconds:0.0}s after the last write");
        var fillTo = options.Number("fill-to", 0);
        if (fillTo > 0)
        {
            var (added, took) = await ReadModelFill.Run(options.Text("read-model", "data/readmodel.db"), options.Text("tenant", "demo"), fillTo, cancellationToken);
            Console.WriteLine($"copied {added:N0} orders into the read model in {took.TotalSeconds:0.0}s");
        }
        var after = await OrderTotal(api, cancellationToken);
        Console.WriteLine($"the tenant's order list holds {after:N0} orders; timing pages again");
        var loaded = await Measure(browser, api, runs);

        Console.WriteLine();
        Console.WriteLine($"Generated {outcome.Created:N0} orders ({outcome.Shipped:N0} shipped, {outcome.Failed:N0} failed{Errors(outcome)}) in {outcome.Elapsed.TotalSeconds:0}s " +
                          $"= {outcome.Created / outcome.Elapsed.TotalSeconds:N0} orders/s with their follow-up calls.");
        Console.WriteLine();
        Console.WriteLine($"| page (median of {runs}) | {before:N0} orders | {after:N0} orders | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, b) in baseline)
            Console.WriteLine($"| {name} | {b:N0} ms | {loaded[name]:N0} ms | {loaded[name] / b:0.00}× |");
        return outcome.Failed == 0 && after >= Math.Max(fillTo, before + outcome.Created) ? 0 : 1;
    }

    private static string Errors(OrderGenerator.Outcome outcome) =>
        outcome.Errors.Count == 0 ? "" : ": " + string.Join(", ", outcome.Errors.Select(e => $"{e.Key} × {e.Value}"));

    private static async Task<int> OrderTotal(ApiSession api, CancellationToken cancellationToken) =>
        (await api.Get("api/orders?pageSize=1", cancellationToken)).GetProperty("total").GetInt32();

    private static async Task<Dictionary<string, double>> Measure(PageTimer browser, ApiSession api, int runs)
    {
        var samples = new Dictionary<string, List<double>>();
        void Add(string name, double ms) => (samples.TryGetValue(name, out var list) ? list : samples[name] = []).Add(ms);
        for (var run = 0; run <= runs; run++)
        {
            var list = await browser.Orders();
            var dashboard = await browser.Dashboard();
            var clock = Stopwatch.StartNew();
            await api.Get("api/orders?page=1&pageSize=20", CancellationToken.None);
            var apiMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await api.Get("api/reports/dashboard?days=7", CancellationToken.None);
            var dashboardApiMs = clock.Elapsed.TotalMilliseconds;
            if (run == 0) continue; // warm-up
            Add("order list: first rows on screen", list.ContentMs);
            Add("order list: page live", list.InteractiveMs);
            Add("dashboard: figures on screen", dashboard.ContentMs);
            Add("dashboard: page live", dashboard.InteractiveMs);
            Add("GET /api/orders first page", apiMs);
            Add("GET /api/reports/dashboard (7 days)", dashboardApiMs);
        }
        return samples.ToDictionary(s => s.Key, s => Median(s.Value));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
