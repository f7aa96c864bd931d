using System.Globalization;
using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Orders;
using CloudOMS.WebPortal.Portal;
using CloudOMS.WebPortal.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CloudOMS.WebPortal.Orders;

/// <summary>
/// The order list, with the filters the user has on screen, as an Excel workbook (.xlsx) — what a
/// clerk hands to finance or pastes into Kingdee / Yonyou. Column titles, statuses, channels and couriers follow the
/// UI language; the order no. and the warehouse stay codes, the keys an accounting import matches on.
/// </summary>
public static class OrderExport
{
    public const int MaxRows = 50_000;

    public static IEndpointRouteBuilder MapOrderExport(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/app/export/orders.xlsx", Export).RequireAuthorization(PortalSignIn.Policy).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> Export(HttpContext context, AccessResolver access, IDbContextFactory<ReadModelDbContext> readModel,
        IStringLocalizer<UiText> T, TimeProvider clock, string? status, string? channel, string? warehouse, string? from, string? to, string? q)
    {
        var grant = await access.Resolve(context.User);
        if (grant is null || !grant.Permissions.Contains(Permissions.OrdersView)) return Results.Forbid();

        var query = new OrderQuery(status, channel, from, to, warehouse, q, 1, null);
        if (query.Validate().Any) return Results.BadRequest();
        await using var db = await readModel.CreateDbContextAsync();
        db.TenantId = grant.TenantId;
        var rows = await query.All(db, grant.Warehouses, MaxRows);
        return await Workbooks.File(rows.Select(o => new Dictionary<string, object?>
        {
            [T["Col.OrderNo"]] = o.OrderId,
            [T["Col.Status"]] = o.StatusName,
            [T["Col.Payment"]] = o.PaymentStatusName,
            [T["Col.Channel"]] = o.ChannelName,
            [T["Col.Customer"]] = o.CustomerName,
            [T["Col.Phone"]] = o.Phone,
            [T["Col.Region"]] = $"{o.Province} {o.City}",
            [T["Col.Warehouse"]] = o.Warehouse,
            [T["Ship.Carrier"]] = o.CarrierName,
            [T["Col.Tracking"]] = o.TrackingNo,
            [T["Col.Total"]] = o.Total,
            [T["Col.Paid"]] = o.Paid,
            [T["Col.Created"]] = ChinaTime.Minute(o.CreatedAt),
        }), "orders", clock.GetUtcNow());
    }
}
