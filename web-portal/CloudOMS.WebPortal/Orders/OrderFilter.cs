using System.Globalization;
using CloudOMS.Grains;
using CloudOMS.WebPortal.Orders;
using CloudOMS.WebPortal.Ui;

namespace CloudOMS.WebPortal.Orders;

/// <summary>
/// The order list's filters as the user set them. The grid, the Excel export and the API read the same
/// <see cref="OrderQuery"/> from them. <see cref="Period"/> is a quick pick (1 = today, 7, 30 days), kept so a
/// remembered "last 7 days" still means the last 7 days tomorrow.
/// </summary>
public sealed record OrderFilter(
    string? Search = null, string? Status = null, string? Channel = null, string? Warehouse = null,
    DateTime? From = null, DateTime? To = null, int? Period = null)
{
    public OrderQuery Query(int page, int pageSize) => new(Status, Channel, Day(From), Day(To), Warehouse, Search, page, pageSize);

    public string ExportUrl =>
        "/app/export/orders.xlsx?" + string.Join("&", new[] { ("status", Status), ("channel", Channel), ("warehouse", Warehouse),
            ("from", Day(From)), ("to", Day(To)), ("q", Search) }.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2 ?? "")}"));

    /// <summary>The last <paramref name="days"/> calendar days in China, today included, as the dashboard counts them.</summary>
    public OrderFilter WithPeriod(int days, DateTimeOffset now)
    {
        var today = ChinaTime.Of(now).Date;
        return this with { From = today.AddDays(1 - days), To = today, Period = days };
    }

    /// <summary>The order list's address showing one status over the last <paramref name="days"/>, as a figure elsewhere (the dashboard) counts them.</summary>
    public static string ListUrl(string status, int days) =>
        $"app/orders?status={Uri.EscapeDataString(status)}&period={days.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The filter an address asks for (<see cref="ListUrl"/>), or null when it asks for none. A status or period the list
    /// does not know is left out rather than refused: the address may be old or typed.
    /// </summary>
    public static OrderFilter? FromAddress(string? status, int? period, DateTimeOffset now)
    {
        var known = Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _) ? parsed.ToString() : null;
        var days = period is 1 or 7 or 30 ? period : null;
        if (known is null && days is null) return null;
        var filter = new OrderFilter(Status: known);
        return days is { } d ? filter.WithPeriod(d, now) : filter;
    }

    public static OrderFilter Restore(Preferences saved, DateTimeOffset now)
    {
        var filter = new OrderFilter(saved.Search, saved.Status, saved.Channel, saved.Warehouse, Parse(saved.From), Parse(saved.To));
        return saved.Period is { } days ? filter.WithPeriod(days, now) : filter;
    }

    public Preferences SaveTo(Preferences saved) =>
        saved with { Search = Search, Status = Status, Channel = Channel, Warehouse = Warehouse, From = Day(From), To = Day(To), Period = Period };

    private static string? Day(DateTime? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime? Parse(string? day) =>
        DateTime.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
}
