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
            <form method="get"><label for="orderNo">{Msg.Get("TrackingPage.OrderNo")}</label><input id="orderNo" name="orderNo" value="{Html.E(orderNo)}" required>
            <label for="phone">{Msg.Get("TrackingPage.PhoneDigits")}</label><input id="phone" name="phone" maxlength="4" value="{Html.E(phone)}" required>
            <button type="submit">{Msg.Get("TrackingPage.Track")}</button></form>
            """;
        var title = Msg.Get("TrackingPage.TrackOrder");
        if (string.IsNullOrWhiteSpace(orderNo) || string.IsNullOrWhiteSpace(phone))
            return Html.Page(title, form);

        var order = IsSlug(slug) && Limits.IsCode(orderNo.Trim()) ? await grains.Order(slug, orderNo.Trim()).Get() : null;
        var digits = new string(order?.Customer.Phone.Where(char.IsAsciiDigit).ToArray());
        // The same answer for a wrong number and a wrong phone, so the page reveals no order numbers.
        if (order is null || phone.Trim().Length != 4 || !digits.EndsWith(phone.Trim(), StringComparison.Ordinal))
            return Html.Page(title, Html.Error(Msg.Get("TrackingPage.NoOrderMatchesNumberPhone")) + form, 404);

        // Whose parcel it is: the company's name heads the answer for a matching order (a miss stays the same
        // answer for every company, known or not).
        var shipment = order.Shipment is { } s
            ? $"""<p id="shipment">{Html.E(Labels.Carrier(s.Carrier))}（{Html.E(s.Carrier)}）{Msg.Get("TrackingPage.TrackingNo")} <b>{Html.E(s.TrackingNo)}</b></p>"""
            : "";
        var events = string.Concat(order.Timeline.Select(t =>
            $"<li>{ChinaTime.Minute(t.At)} · {WebUtility.HtmlEncode(Event(t.Event))}</li>"));
        return Html.Page(await grains.Tenant(slug).GetProfile() is { } company ? Msg.Get("TrackingPage.CompanyOrder", company.Name, order.OrderId) : Msg.Get("TrackingPage.Order", order.OrderId),
            $"""<p id="status">{Msg.Get("TrackingPage.Status")} <b>{Html.E(Labels.Status(order.Status.ToString()))}</b></p>{shipment}<ol id="timeline">{events}</ol>""" + form);
    }

    private static bool IsSlug(string slug) => slug.Length is > 0 and <= 30 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static string Event(string code) => code switch
    {
        "created" => Msg.Get("TrackingPage.OrderPlaced"),
        "submitted" => Msg.Get("TrackingPage.Submitted"),
        "approved" => Msg.Get("TrackingPage.Approved"),
        "picking" => Msg.Get("TrackingPage.Picking"),
        "shipped" => Msg.Get("TrackingPage.Shipped"),
        "delivered" => Msg.Get("TrackingPage.Delivered"),
        "completed" => Msg.Get("TrackingPage.Completed"),
        "cancelled" => Msg.Get("TrackingPage.Cancelled"),
        "held" => Msg.Get("TrackingPage.Hold"),
        "hold-released" => Msg.Get("TrackingPage.Resumed"),
        _ => Msg.Get("TrackingPage.Updated"),
    };
}
