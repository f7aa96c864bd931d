using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Portal;
using CloudOMS.WebPortal.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CloudOMS.WebPortal.Reports;

/// <summary>财务's outstanding orders, for the period on screen, as an Excel workbook with a totals row.</summary>
public static class FinanceExport
{
    public static IEndpointRouteBuilder MapFinanceExport(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/app/export/finance.xlsx", Export).RequireAuthorization(PortalSignIn.Policy).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> Export(HttpContext context, AccessResolver access, IDbContextFactory<ReadModelDbContext> readModel,
        IStringLocalizer<UiText> T, TimeProvider clock, int? days)
    {
        var grant = await access.Resolve(context.User);
        if (grant is null || !grant.Permissions.Contains(Permissions.FinanceView)) return Results.Forbid();
        if (days is { } d && !FinanceQuery.Periods.Contains(d)) return Results.BadRequest();

        await using var db = await readModel.CreateDbContextAsync();
        db.TenantId = grant.TenantId;
        var rows = await FinanceQuery.Outstanding(db, days ?? 0, clock.GetUtcNow(), grant.Warehouses);
        var sheet = rows.Select(o => Row(T, o.OrderId, o.CustomerName, o.Total, o.Paid, ChinaTime.Minute(o.CreatedAt))).ToList();
        sheet.Add(Row(T, T["Finance.Totals"].Value, "", rows.Sum(o => o.Total), rows.Sum(o => o.Paid), ""));
        return await Workbooks.File(sheet, "finance", clock.GetUtcNow());
    }

    private static Dictionary<string, object?> Row(IStringLocalizer<UiText> T, string orderNo, string customer, decimal total, decimal paid, string created) => new()
    {
        [T["Col.OrderNo"]] = orderNo,
        [T["Col.Customer"]] = customer,
        [T["Col.Total"]] = total,
        [T["Col.Paid"]] = paid,
        [T["Col.Unpaid"]] = total - paid,
        [T["Col.Created"]] = created,
    };
}
