using System.Text.Json;
using CloudOMS.LoadTests;
using Xunit;

namespace CloudOMS.LoadTests.Tests;

/// <summary>
/// Every scenario of the load tool for a few seconds at tiny rates, so the tool keeps working: each run must end
/// with its correctness checks held (exit code 0) and write its JSON, Markdown, HTML and PNG reports.
/// The figures of such short runs mean nothing and are not asserted.
/// </summary>
public sealed class ToolSmokeTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("load-smoke-").FullName;

    /// <summary>The test run's PostgreSQL when test.sh started one; otherwise the tool starts its own.</summary>
    private static string[] Postgres => Environment.GetEnvironmentVariable("CLOUDOMS_TEST_POSTGRES") is { Length: > 0 } server ? ["--postgres", server] : [];

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private async Task<JsonElement> Run(string scenario, params string[] options)
    {
        var folder = Path.Combine(_out, scenario);
        var exit = await LoadTool.Run([scenario, .. options, .. Postgres, "--out", folder]);
        foreach (var file in new[] { "report.json", "report.md", "report.html" }) Assert.True(File.Exists(Path.Combine(folder, file)), file);
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json"))).RootElement;
        Assert.True(exit == 0, $"{scenario} exited {exit}: {Checks(report)}");
        Assert.NotEmpty(Directory.GetFiles(folder, "*.png"));
        foreach (var run in report.GetProperty("runs").EnumerateArray())
        {
            Assert.True(run.GetProperty("verdict").GetProperty("passed").GetBoolean(), Checks(report));
            Assert.True(run.GetProperty("stats").GetProperty("completed").GetInt64() > 0, run.GetProperty("system").GetString());
        }
        return report;
    }

    /// <summary>Each run's checks and errors by kind, so a failed smoke run says what did not hold.</summary>
    private static string Checks(JsonElement report) => string.Join(" | ", report.GetProperty("runs").EnumerateArray().Select(run =>
        $"{run.GetProperty("system").GetString()}: {string.Join("; ", run.GetProperty("verdict").GetProperty("checks").EnumerateArray().Select(c => c.GetString()))}; " +
        $"errors {run.GetProperty("stats").GetProperty("errors")} {run.GetProperty("stats").GetProperty("errorKinds")}"));

    [Fact]
    public async Task Flash_sale_in_process_with_its_baselines()
    {
        var report = await Run("flash-sale", "--rate", "2000", "--duration", "2", "--ramp", "1", "--stock", "300", "--baselines", "postgres,redis-everysec");
        var systems = report.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("system").GetString()).ToList();
        Assert.Equal("CloudOMS (SQLite)", systems[0]);
        Assert.Contains("PostgreSQL UPDATE + row", systems);
        Assert.True(report.GetProperty("runs")[1].TryGetProperty("ratio", out var ratio) && ratio.GetDouble() > 0);
    }

    [Fact]
    public async Task Flash_sale_over_http_against_the_embedded_product() =>
        await Run("flash-sale", "--target", "http", "--rate", "40", "--duration", "2", "--ramp", "1", "--stock", "30", "--baselines", "none");

    [Fact]
    public async Task Double_11_in_process_on_postgres_with_the_plain_design_beside_it() =>
        await Run("double-11", "--db", "postgres", "--rate", "150", "--duration", "2", "--ramp", "1", "--tenants", "2", "--skus", "10");

    [Fact]
    public async Task Noisy_neighbour_and_soak_in_process()
    {
        await Run("noisy-neighbour", "--rate", "20", "--duration", "2", "--ramp", "1", "--tenants", "3", "--skus", "5");
        await Run("soak", "--rate", "50", "--duration", "3", "--ramp", "1", "--tenants", "2", "--skus", "5");
    }

    [Fact]
    public async Task Order_intake_runs_cloudoms_and_the_plain_service_back_to_back_and_reports_the_ratio()
    {
        var report = await Run("order-intake", "--db", "sqlite", "--profile", "spread", "--skus", "20", "--rate", "30", "--duration", "2", "--ramp", "1", "--warmup", "1");
        var runs = report.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["CloudOMS over HTTP", "plain ASP.NET Core + Npgsql (PostgreSQL)"], runs.Select(r => r.GetProperty("system").GetString()));
        Assert.True(runs[1].GetProperty("ratio").GetDouble() > 0, Checks(report));
        Assert.Contains(report.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("reserved orders/s: CloudOMS", StringComparison.Ordinal));
    }
}
