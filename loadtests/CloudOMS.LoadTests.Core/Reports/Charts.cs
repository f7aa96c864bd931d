using ScottPlot;

namespace CloudOMS.LoadTests.Reports;

/// <summary>PNG charts of a run (ScottPlot): answers per second and p99 latency over time, and latency percentiles.</summary>
public static class Charts
{
    public static IReadOnlyList<string> Write(RunReport report, string folder)
    {
        var prefix = report.Scenario + "-" + (report.Target.StartsWith("http", StringComparison.Ordinal) ? "http" : report.Target.Contains("PostgreSQL") ? "postgres" : "sqlite");
        return
        [
            Save(OverTime(report, "answers per second", s => s.Completed), Path.Combine(folder, $"{prefix}-throughput.png")),
            Save(OverTime(report, "p99 latency (ms) per second", s => s.P99), Path.Combine(folder, $"{prefix}-p99.png")),
            Save(Percentiles(report), Path.Combine(folder, $"{prefix}-percentiles.png")),
        ];
    }

    private static Plot OverTime(RunReport report, string what, Func<Engine.SecondStats, double> value)
    {
        var plot = new Plot();
        foreach (var run in report.Runs)
        {
            var line = plot.Add.Scatter(run.Stats.Timeline.Select(s => (double)s.Second).ToArray(), run.Stats.Timeline.Select(value).ToArray());
            line.LegendText = run.System;
        }
        plot.Title($"{report.Scenario} ({report.Target}): {what}");
        plot.XLabel("seconds since start");
        plot.YLabel(what);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot Percentiles(RunReport report)
    {
        var plot = new Plot();
        string[] labels = ["p50", "p90", "p99", "p99.9"];
        foreach (var run in report.Runs)
        {
            var l = run.Stats.Reported;
            var line = plot.Add.Scatter(new double[] { 1, 2, 3, 4 }, new[] { l.P50, l.P90, l.P99, l.P999 });
            line.LegendText = run.System;
        }
        plot.Axes.Bottom.SetTicks([1, 2, 3, 4], labels);
        plot.Title($"{report.Scenario} ({report.Target}): latency percentiles (ms)");
        plot.YLabel("ms");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static string Save(Plot plot, string path)
    {
        plot.SavePng(path, 960, 480);
        return path;
    }
}
