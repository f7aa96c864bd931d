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
