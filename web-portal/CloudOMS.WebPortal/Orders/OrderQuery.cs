using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Api;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Orders;

/// <summary>
/// Order list filters. Dates are calendar days in China time; <see cref="Q"/> searches order no.,
/// channel order no., customer, phone and tracking no.; <see cref="Status"/> may list several, comma-separated.
/// </summary>
public sealed record OrderQuery(string? Status, string? Channel, DateOnly? From, DateOnly? To, string? Warehouse, string? Q, int? Page, int? PageSize)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        foreach (var status in Statuses())
            if (!Enum.TryParse<OrderStatus>(status, ignoreCase: true, out _))
                errors.Add("status", $"未知订单状态 {status} / unknown status");
        if (Channel is not null && !Channels.IsKnown(Channel)) errors.Add("channel", "未知渠道 / unknown channel");
        if (From is not null && To is not null && From > To) errors.Add("from", "开始日期不能晚于结束日期 / from must not be after to");
        errors.MaxLength("q", Q, Limits.ShortText, "搜索内容");
        return errors;
    }

    public async Task<Page<OrderSummary>> Run(ReadModelDbContext db)
    {
        var (number, size) = Paging.Normalize(Page, PageSize);
        var query = db.Orders.AsQueryable();
        var statuses = Statuses().Select(s => Enum.Parse<OrderStatus>(s, ignoreCase: true).ToString()).ToList();
        if (statuses.Count > 0) query = query.Where(o => statuses.Contains(o.Status));
        if (Channel is not null) query = query.Where(o => o.Channel == Channel);
        if (Warehouse is not null) query = query.Where(o => o.Warehouse == Warehouse);
        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), China).ToUniversalTime();
            query = query.Where(o => o.CreatedAt >= start);
        }
        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), China).ToUniversalTime();
            query = query.Where(o => o.CreatedAt < end);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            query = query.Where(o => o.OrderId.Contains(text) || o.CustomerName.Contains(text) || o.Phone.Contains(text)
                || (o.TrackingNo != null && o.TrackingNo.Contains(text)) || (o.ExternalOrderNo != null && o.ExternalOrderNo.Contains(text)));
        }
        var total = await query.CountAsync();
        var items = await query
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.OrderId)
            .Skip((number - 1) * size).Take(size)
            .Select(o => new OrderSummary(o.OrderId, o.Status, o.PaymentStatus, o.Channel, o.ExternalOrderNo, o.CustomerName, o.Phone,
                o.Province, o.City, o.Warehouse, o.Carrier, o.TrackingNo, o.Total, o.Paid, o.ItemCount, o.CreatedAt))
            .ToListAsync();
        return new Page<OrderSummary>(items, total, number, size);
    }

    private IEnumerable<string> Statuses() =>
        (Status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
