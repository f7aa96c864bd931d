using System.Net;
using System.Threading.RateLimiting;
using CloudOMS.Grains;
using CloudOMS.Identity.Accounts;
using CloudOMS.WebPortal.Ui;

namespace CloudOMS.WebPortal.Tracking;

/// <summary>
/// Public parcel tracking for a company's customers: /t/{slug}/track. The order number plus the last
/// four digits of the phone on the order show its status, carrier, tracking number and timeline —
/// nothing else (no name, address, amounts or staff). No sign-in; rate-limited per client address.
/// </summary>
public static class TrackingPage
{
    public const string RateLimit = "tracking";

    public static IServiceCollection AddTracking(this IServiceCollection services) =>
        services.AddRateLimiter(o => o.AddPolicy(RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) })));

    public static IEndpointRouteBuilder MapTracking(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/t/{slug}/track", Track).RequireRateLimiting(RateLimit).ExcludeFromDescription().AllowAnonymous();
        return routes;
    }

    private static async Task<IResult> Track(string slug, string? orderNo, string? phone, IGrainFactory grains)
    {
        var form = $"""
            <form method="get"><label for="orderNo">订单号 / Order no.</label><input id="orderNo" name="orderNo" value="{Html.E(orderNo)}" required>
            <label for="phone">手机号后四位 / Last 4 digits of the phone</label><input id="phone" name="phone" maxlength="4" value="{Html.E(phone)}" required>
            <button type="submit">查询 / Track</button></form>
            """;
        if (string.IsNullOrWhiteSpace(orderNo) || string.IsNullOrWhiteSpace(phone))
            return Html.Page("物流查询 / Track your order", form);

        var order = IsSlug(slug) && Limits.IsCode(orderNo.Trim()) ? await grains.Order(slug, orderNo.Trim()).Get() : null;
        var digits = new string(order?.Customer.Phone.Where(char.IsAsciiDigit).ToArray());
        // The same answer for a wrong number and a wrong phone, so the page reveals no order numbers.
        if (order is null || phone.Trim().Length != 4 || !digits.EndsWith(phone.Trim(), StringComparison.Ordinal))
            return Html.Page("物流查询 / Track your order", Html.Error("未找到订单，请核对订单号和手机号后四位 / no order matches that number and phone") + form, 404);

        var shipment = order.Shipment is { } s
            ? $"""<p id="shipment">{Html.E(Labels.Carrier(s.Carrier))}（{Html.E(s.Carrier)}）运单号 / tracking no. <b>{Html.E(s.TrackingNo)}</b></p>"""
            : "";
        var events = string.Concat(order.Timeline.Select(t =>
            $"<li>{ChinaTime.Minute(t.At)} · {WebUtility.HtmlEncode(Event(t.Event))}</li>"));
        return Html.Page($"订单 {order.OrderId}",
            $"""<p id="status">状态 / status: <b>{Html.E(OrderWorkflow.StatusName(order.Status))}</b> ({order.Status})</p>{shipment}<ol id="timeline">{events}</ol>""" + form);
    }

    private static bool IsSlug(string slug) => slug.Length is > 0 and <= 30 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static string Event(string code) => code switch
    {
        "created" => "已下单 / order placed",
        "submitted" => "已提交 / submitted",
        "approved" => "已审核 / approved",
        "picking" => "拣货中 / picking",
        "shipped" => "已发货 / shipped",
        "delivered" => "已签收 / delivered",
        "completed" => "已完成 / completed",
        "cancelled" => "已取消 / cancelled",
        "held" => "处理中 / on hold",
        "hold-released" => "继续处理 / resumed",
        _ => "更新 / updated",
    };
}
