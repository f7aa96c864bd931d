using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using static CloudOMS.Silo.ReadModel.SalesRules;

namespace CloudOMS.Silo.ReadModel;

/// <summary>
/// What one save changes in the totals (<see cref="OrderDayTotalRow"/>, <see cref="SkuDayTotalRow"/>,
/// <see cref="CustomerDayRow"/>): every order and line row being added, changed or removed takes its figures away
/// as they were read from the database and adds them as they will be saved. So an order projected twice (same
/// row, nothing changes) counts once, and one that skipped states moves straight from its old totals to its new.
/// </summary>
internal sealed class TotalsDelta
{
    private readonly Dictionary<(string, DateOnly, string, string, string), OrderDayTotalRow> _orderDays = [];
    private readonly Dictionary<(string, DateOnly, string, string, string), SkuDayTotalRow> _skuDays = [];
    private readonly Dictionary<(string, string, string, DateOnly), CustomerDayRow> _customerDays = [];

    public IReadOnlyList<OrderDayTotalRow> OrderDays =>
        [.. _orderDays.Values.Where(t => (t.Orders, t.SalesCents, t.Shipped, t.ProcessingMinutes, t.OnTime) != default)];

    public IReadOnlyList<SkuDayTotalRow> SkuDays => [.. _skuDays.Values.Where(t => (t.Lines, t.Quantity) != default)];

    public IReadOnlyList<CustomerDayRow> CustomerDays => [.. _customerDays.Values.Where(c => c.Orders != 0)];

    public bool IsEmpty => OrderDays.Count == 0 && SkuDays.Count == 0 && CustomerDays.Count == 0;

    public static TotalsDelta Of(ChangeTracker tracker)
    {
        var delta = new TotalsDelta();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is not (OrderRow or OrderLineRow)) continue;
            if (entry.State is EntityState.Deleted && entry.Entity is OrderRow && !entry.Collection(nameof(OrderRow.Lines)).IsLoaded)
                throw new InvalidOperationException("An order row is removed with its lines loaded (Include), so the totals lose them too.");
            if (entry.State is EntityState.Deleted or EntityState.Modified) delta.Add(entry.OriginalValues.ToObject(), -1);
            if (entry.State is EntityState.Added or EntityState.Modified) delta.Add(entry.CurrentValues.ToObject(), +1);
        }
        return delta;
    }

    private void Add(object row, int sign)
    {
        if (row is OrderLineRow line)
        {
            var key = (line.TenantId, line.CreatedOn, line.Status, line.Warehouse ?? NoWarehouse, line.SkuCode);
            if (!_skuDays.TryGetValue(key, out var sku))
                _skuDays[key] = sku = new SkuDayTotalRow { TenantId = key.TenantId, Day = key.CreatedOn, Status = key.Status, Warehouse = key.Item4, SkuCode = key.SkuCode };
            sku.Lines += sign;
            sku.Quantity += sign * line.Quantity;
            return;
        }
        var order = (OrderRow)row;
        var dayKey = (order.TenantId, order.CreatedOn, order.Status, order.Channel, order.Warehouse ?? NoWarehouse);
        if (!_orderDays.TryGetValue(dayKey, out var day))
            _orderDays[dayKey] = day = new OrderDayTotalRow { TenantId = dayKey.TenantId, Day = dayKey.CreatedOn, Status = dayKey.Status, Channel = dayKey.Channel, Warehouse = dayKey.Item5 };
        day.Orders += sign;
        day.SalesCents += sign * Cents(order.Total);
        if (order.ProcessingMinutes is { } minutes)
        {
            day.Shipped += sign;
            day.ProcessingMinutes += sign * minutes;
            if (minutes <= OnTimeMinutes) day.OnTime += sign;
        }
        if (!IsSale(order.Status, order.Warehouse)) return;
        Customer(order, WholeTenant).Orders += sign;
        if (order.Warehouse is { } warehouse) Customer(order, warehouse).Orders += sign;
    }

    private CustomerDayRow Customer(OrderRow order, string scope)
    {
        var key = (order.TenantId, order.Phone, scope, order.CreatedOn);
        if (!_customerDays.TryGetValue(key, out var customer))
            _customerDays[key] = customer = new CustomerDayRow { TenantId = order.TenantId, Phone = order.Phone, Scope = scope, Day = order.CreatedOn };
        return customer;
    }
}
