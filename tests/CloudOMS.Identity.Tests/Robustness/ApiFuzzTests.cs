using System.Text.Json;
using CloudOMS.Silo.Projection;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// The standing robustness suite: two companies call every route of the portal's OpenAPI document with generated
/// input (wrong types, missing fields, nulls, values at and past every limit, control characters, 1 MB strings,
/// other media types, reused Idempotency-Keys, concurrent duplicates, the other company's ids) for a bounded time.
/// Nothing may answer 5xx (a 503 with Retry-After must be answered when sent again once), nothing may show one company's data to the other, a body in another media type gets 415,
/// and afterwards the read model must have caught up, the stock audit find no drift and the dashboard's sales match
/// the orders, for both companies. The seed is printed; CLOUDOMS_FUZZ_SEED replays a run.
/// </summary>
public sealed class ApiFuzzTests(FuzzWalk walk, ITestOutputHelper output) : IClassFixture<FuzzWalk>
{
    [Fact]
    public void Both_companies_walked_every_route_of_the_openapi_document()
    {
        Print(walk.Report.Summary());
        Assert.True(walk.Routes.Count >= 50, $"Only {walk.Routes.Count} routes in /openapi/v1.json");
        Assert.Contains(walk.Routes, r => r.ToString() == "POST /api/orders");
        Expect.None(walk.Report.NotWalked);
    }

    [Fact]
    public void Each_company_sees_its_own_marker_so_the_leak_check_can_see_the_other()
    {
        foreach (var company in new[] { walk.A, walk.B })
            Assert.Contains(walk.Exchanges, e => e.Recipe.Company == company && e.Status == 200 && e.Response.Contains(company.Marker, StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_seed_plans_the_same_requests()
    {
        string[] Plan()
        {
            var (a, b) = (new FuzzCompany("A", walk.A.Api, "a", walk.A.Marker, walk.A.Phone), new FuzzCompany("B", walk.B.Api, "b", walk.B.Marker, walk.B.Phone));
            (a.Other, b.Other) = (b, a);
            foreach (var (company, kind) in new[] { a, b }.SelectMany(c => new[] { "order", "sku", "warehouse", "role" }.Select(k => (c, k))))
                company.Learn(kind, $"{company.Label}-{kind}-1");
            var planner = new RequestPlanner(walk.Routes, new ValidBodies(walk.Document, walk.Catalogue), a, b, walk.Budget.Seed);
            return [.. Enumerable.Range(0, 500).Select(_ => planner.Next()).Select(r => $"{r.Fault} {string.Join(" | ", r.Waves.SelectMany(w => w).Select(s => s.Describe(500)))}")];
        }

        Assert.Equal(Plan(), Plan());
    }

    [Fact]
    public void No_request_is_answered_with_a_server_error()
    {
        var failures = walk.Report.ServerErrors;
        Print(failures.Select(e => $"[{e.Recipe.Fault}] {e.Describe()}"));
        Expect.None(FuzzReport.Classes(failures, FuzzReport.ServerErrorKind));
    }

    [Fact]
    public void No_answer_shows_one_company_the_other_companys_data()
    {
        Expect.None(FuzzReport.Classes(walk.Report.Leaks, e => $"{e.Recipe.Route} shows {string.Join(", ", e.Leaks)} to {e.Recipe.Company.Label}"));
    }

    [Fact]
    public void A_body_in_another_media_type_is_refused_as_unsupported()
    {
        Assert.Contains(walk.Exchanges, e => e.Recipe.Kind == "media" && e.Recipe.Route.TakesJson);
        Expect.None(FuzzReport.Classes(walk.Report.MediaMisfits, e => $"[{e.Shot.ContentType}] -> {e.Status} (expected 415)", 3));
    }

    [Fact]
    public async Task The_read_model_has_applied_every_change_after_the_walk()
    {
        await AssertReadModelHealthy(walk.Portal.Factory, walk.Log);
    }

    [Fact]
    public async Task The_stock_audit_finds_no_drift_in_either_company()
    {
        var problems = new List<string>();
        foreach (var company in new[] { walk.A, walk.B })
        {
            using var response = await company.Api.Post("/api/stock/audit");
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var trace = JsonDocument.Parse(text).RootElement.TryGetProperty("traceId", out var id) ? id.GetString() : null;
                problems.Add($"{company.Label}: POST /api/stock/audit -> {(int)response.StatusCode} {text}\n      server: {walk.Log.ErrorOf(trace)}");
            }
            else if (JsonDocument.Parse(text).RootElement is var report && !report.GetProperty("clean").GetBoolean())
                problems.Add($"{company.Label}: drift {report.GetProperty("drift")}");
        }
        Expect.None(problems);
    }

    [Fact]
    public async Task The_dashboard_sales_add_up_to_the_orders_of_the_period()
    {
        var problems = new List<string>();
        foreach (var company in new[] { walk.A, walk.B })
            if (await DashboardSales.Disagreement(company) is { } problem) problems.Add(problem);
        Expect.None(problems);
    }

    /// <summary>
    /// The projection catches up to the head of the grain-storage change sequence without an error. This is the one
    /// place that judges the read model after a walk: a check that nothing unexpected was quarantined belongs here.
    /// </summary>
    private static async Task AssertReadModelHealthy(PortalFactory portal, ServerLog log)
    {
        var projector = portal.Services.GetRequiredService<ReadModelProjector>();
        try
        {
            await projector.CatchUp();
        }
        catch (Exception error)
        {
            Assert.Fail($"The read model cannot catch up: {ServerLog.Describe(error)}\nErrors logged outside requests:\n{string.Join("\n", log.Background)}");
        }
        Assert.True(projector.Behind == 0, $"The read model is {projector.Behind} changes behind after catching up\n{string.Join("\n", log.Background)}");
        // Nothing the walk sends may make a change the read model cannot apply: the edge refuses such input.
        var quarantined = await portal.Services.GetRequiredService<ProjectionQuarantine>().List(100);
        Assert.True(quarantined.Count == 0, "Quarantined by the read model:\n" + string.Join("\n", quarantined.Select(q => $"  {q.StateName} {q.GrainKey} v{q.Version}: {q.Error}")));
    }

    private void Print(IEnumerable<string> lines)
    {
        foreach (var line in lines) output.WriteLine(line);
    }
}
