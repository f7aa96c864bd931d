using CloudOMS.Identity.Access;
using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Api;
using CloudOMS.WebPortal.Tenants;
using CloudOMS.WebPortal.Ui;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudOMS.WebPortal.Reports;

/// <summary>The dashboard's figures for integrators (a BI tool, a DingTalk robot's daily summary): the same query as the portal page.</summary>
public static class ReportApi
{
    public const int MaxDays = 90;

    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/reports").WithTags("Reports").WithProblems();
        api.MapGet("/dashboard", Dashboard)
            .WithSummary("KPIs, daily sales, channels, top SKUs and stock of the last N days (1-90, default 7), China time")
            .RequirePermission(Permissions.ReportsView);
        return routes;
    }

    private static async Task<Results<Ok<DashboardData>, ValidationProblem>> Dashboard(ReadModelDbContext db, CurrentUser user, TimeProvider clock, int days = 7) =>
        days is < 1 or > MaxDays
            ? ApiProblems.Invalid("days", Msg.Get("ReportApi.DaysBetween", MaxDays))
            : TypedResults.Ok(Named(await DashboardQueries.Load(db, days, clock.GetUtcNow(), user.Warehouses)));

    /// <summary>The channel and status points keep their code as label and get a name in the caller's language beside it.</summary>
    private static DashboardData Named(DashboardData data) => data with
    {
        Channels = [.. data.Channels.Select(p => p with { Name = Labels.Channel(p.Label) })],
        ByStatus = [.. data.ByStatus.Select(p => p with { Name = Labels.Status(p.Label) })],
    };
}
