using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Api;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Orders;

/// <summary>
/// Order list filters. Dates are calendar days (yyyy-MM-dd) in China time; <see cref="Q"/> searches
/// order no., channel order no., customer, phone and tracking no.; <see cref="Status"/> may list
/// several, comma-separated. A blank parameter is the same as a missing one, as search forms send them.
/// </summary>
public sealed record OrderQuery(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "channel")] string? Channel,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "warehouse")] string? Warehouse,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        foreach (var status in Statuses())
            if (!Enum.TryParse<OrderStatus>(status, ignoreCase: true, out _) || int.TryParse(status, out _))
                errors.Add("status", Msg.Of("OrderQuery.UnknownStatus", status));
        if (Blank(Channel) is { } channel && !Channels.IsKnown(channel)) errors.Add("channel", Msg.Of("OrderQuery.UnknownChannel"));
        var (from, to) = (Day(From), Day(To));
        if (Blank(From) is not null && from is null) errors.Add("from", Msg.Of("OrderQuery.FromYyyyMMDd"));
        if (Blank(To) is not null && to is null) errors.Add("to", Msg.Of("OrderQuery.YyyyMMDd"));
        if (from is not null && to is not null && from > to) errors.Add("from", Msg.Of("OrderQuery.FromNotAfter"));
        errors.MaxLength("q", Q, Limits.ShortText, Msg.Of("Label.SearchText"));
        return errors;
    }

    /// <param name="scope">When set, only orders allocated to these warehouses.</param>
    public async Task<Page<OrderSummary>> Run(ReadModelDbContext db, IReadOnlySet<string>? scope)
    {
        var (number, size) = Paging.Normalize(Page, PageSize);
        var query = Filter(db, scope);
        var total = await query.CountAsync();
        var items = await Summaries(query.Skip((number - 1) * size).Take(size)).ToListAsync();
        return new Page<OrderSummary>(items, total, number, size);
    }

    /// <summary>Every matching order (newest first, at most <paramref name="limit"/>), for export.</summary>
    public async Task<List<OrderSummary>> All(ReadModelDbContext db, IReadOnlySet<string>? scope, int limit) =>
        await Summaries(Filter(db, scope).Take(limit)).ToListAsync();

    private IQueryable<OrderRow> Filter(ReadModelDbContext db, IReadOnlySet<string>? scope)
    {
        var query = db.Orders.Where(o => scope == null || (o.Warehouse != null && scope.Contains(o.Warehouse)));
        var statuses = Statuses().Select(s => Enum.Parse<OrderStatus>(s, ignoreCase: true).ToString()).ToList();
        if (statuses.Count > 0) query = query.Where(o => statuses.Contains(o.Status));
        if (Blank(Channel) is { } channel) query = query.Where(o => o.Channel == channel);
        if (Blank(Warehouse) is { } warehouse) query = query.Where(o => o.Warehouse == warehouse);
        if (Day(From) is { } from)
        {
            var start = ChinaTime.StartOf(from);
            query = query.Where(o => o.CreatedAt >= start);
        }
        if (Day(To) is { } to)
        {
            var end = ChinaTime.StartOf(to.AddDays(1));
            query = query.Where(o => o.CreatedAt < end);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            query = query.Where(o => o.OrderId.Contains(text) || o.CustomerName.Contains(text) || o.Phone.Contains(text)
                || (o.TrackingNo != null && o.TrackingNo.Contains(text)) || (o.ExternalOrderNo != null && o.ExternalOrderNo.Contains(text)));
        }
        return query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.OrderId);
    }

    private static IQueryable<OrderSummary> Summaries(IQueryable<OrderRow> orders) =>
        orders.Select(o => new OrderSummary(o.OrderId, o.Status, o.PaymentStatus, o.Channel, o.ExternalOrderNo, o.CustomerName, o.Phone,
            o.Province, o.City, o.Warehouse, o.Carrier, o.TrackingNo, o.Total, o.Paid, o.ItemCount, o.CreatedAt));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(Blank(value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private IEnumerable<string> Statuses() =>
        (Status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
