using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CloudOMS.LoadTests.Engine;

namespace CloudOMS.LoadTests.Reports;

/// <summary>Writes a run's report as report.json, report.md, report.html (charts embedded) and the PNG charts.</summary>
public static class ReportWriter
{
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<string> Write(RunReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(report, JsonOptions));
        var charts = Charts.Write(report, folder);
        var markdown = Markdown(report, charts);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), markdown);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.html"), Html(report, folder, charts));
        return markdown;
    }

    public static string Markdown(RunReport report, IReadOnlyList<string> charts)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {report.Scenario} ({report.Target}): {(report.Passed ? "correct" : "**FAILED CHECKS**")}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"**Command:** `{report.Command}`  ");
        md.AppendLine(CultureInfo.InvariantCulture, $"**Machine:** {report.Machine}  ");
        md.AppendLine(CultureInfo.InvariantCulture, $"**Run:** {report.At:yyyy-MM-dd HH:mm zzz}");
        md.AppendLine();
        md.AppendLine("| system | load | throughput (answers/s) | p50 ms | p99 ms | p99.9 ms | max ms | errors | verdict | CloudOMS / this |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var run in report.Runs)
        {
            var latency = run.Stats.Reported;
            var errors = run.Stats.Errors == 0 ? "0" : $"{run.Stats.Errors:N0} ({string.Join(", ", run.Stats.ErrorKinds.Select(e => $"{e.Key} {e.Value:N0}"))})";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {run.System} | {run.Stats.Load} | {run.Stats.Throughput:N0} | {latency.P50:0.##} | {latency.P99:0.##} | {latency.P999:0.##} | {latency.Max:0.##} | {errors} | {(run.Verdict.Passed ? "correct" : "**FAILED**")} | {(run.Ratio is { } r ? $"{r:0.##}×" : "")} |");
        }
        md.AppendLine();
        foreach (var run in report.Runs)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {run.System}: {string.Join("; ", run.Facts.Select(f => $"{f.Key} {f.Value}"))}; due {run.Stats.Due:N0}, sent {run.Stats.Sent:N0}, answered {run.Stats.Completed:N0}.");
            foreach (var check in run.Verdict.Checks) md.AppendLine(CultureInfo.InvariantCulture, $"  - {check}");
        }
        foreach (var note in report.Notes) md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        md.AppendLine();
        foreach (var chart in charts) md.AppendLine(CultureInfo.InvariantCulture, $"![{Path.GetFileNameWithoutExtension(chart)}]({Path.GetFileName(chart)})");
        return md.ToString();
    }

    private static string Html(RunReport report, string folder, IReadOnlyList<string> charts)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.AppendLine(CultureInfo.InvariantCulture, $$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>CloudOMS {{E(report.Scenario)}}</title>
            <style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}
            td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}td:first-child,th:first-child{text-align:left}
            .bad{color:#b00020;font-weight:bold}.ok{color:#1b5e20}img{max-width:100%;display:block;margin:1rem 0}</style></head><body>
            <h1>CloudOMS load test: {{E(report.Scenario)}} ({{E(report.Target)}})</h1>
            <p><b>Command:</b> <code>{{E(report.Command)}}</code><br><b>Machine:</b> {{E(report.Machine)}}<br><b>Run:</b> {{report.At:yyyy-MM-dd HH:mm zzz}}</p>
            <p class="{{(report.Passed ? "ok" : "bad")}}">{{(report.Passed ? "All correctness checks held." : "Correctness checks FAILED.")}}</p>
            <table><tr><th>system</th><th>throughput/s</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>max ms</th><th>errors</th><th>CloudOMS / this</th></tr>
            """);
        foreach (var run in report.Runs)
        {
            var l = run.Stats.Reported;
            html.AppendLine(CultureInfo.InvariantCulture,
                $"<tr><td>{E(run.System)}</td><td>{run.Stats.Throughput:N0}</td><td>{l.P50:0.##}</td><td>{l.P90:0.##}</td><td>{l.P99:0.##}</td><td>{l.P999:0.##}</td><td>{l.Max:0.##}</td><td>{run.Stats.Errors:N0}</td><td>{(run.Ratio is { } r ? $"{r:0.##}×" : "")}</td></tr>");
        }
        html.AppendLine("</table>");
        foreach (var run in report.Runs)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<h3>{E(run.System)}</h3><ul>");
            foreach (var check in run.Verdict.Checks)
                html.AppendLine(CultureInfo.InvariantCulture, $"<li class=\"{(check.StartsWith("ok", StringComparison.Ordinal) ? "ok" : "bad")}\">{E(check)}</li>");
            html.AppendLine("</ul>");
        }
        foreach (var chart in charts)
            html.AppendLine(CultureInfo.InvariantCulture, $"<img alt=\"{E(Path.GetFileNameWithoutExtension(chart))}\" src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(chart))}\">");
        html.AppendLine("</body></html>");
        return html.ToString();
    }
}
