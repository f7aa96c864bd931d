using Microsoft.Extensions.Logging;

namespace CloudOMS.Grains;

/// <summary>
/// The stock saga. Each step is saved before any SKU grain is called and every call carries an
/// operation id made from the order id, the saga attempt and the line, so a step resumed after a
/// crash repeats the same ids and the SKU grains answer with what they already did.
/// </summary>
public sealed partial class OrderGrain
{
    private const int MaxWarehousesTried = 3;
    private const int CallAttempts = 5;
    private IReadOnlyList<Shortage> _lastShortages = [];

    public async Task<OrderState> Approve(string actor)
    {
        if (!await Ready(OrderAction.Approve)) return Order;
        var stock = await LoadSkus(Order.Lines.Select(l => l.SkuCode));
        var inactive = stock.Values.Where(s => !s.Active).Select(s => s.Profile.Code).Order(StringComparer.Ordinal).ToList();
        if (inactive.Count > 0)
            throw CommandException.Conflict(ErrorCodes.SkuInactive, $"SKU {string.Join("、", inactive)} 已停用，无法审核 / inactive SKU, the order cannot be approved", inactive);
        var plan = await Plan([], stock);
        if (plan.Warehouse is null)
        {
            await Refuse(actor, plan.Shortages);
        }
        else
        {
            await StartSaga(SagaKind.Reserve, plan.Warehouse, actor, _ => { });
        }
        if (Order.Status != OrderStatus.Approved)
            throw CommandException.Conflict(ErrorCodes.InsufficientStock,
                "库存不足，无法审核：" + string.Join("；", _lastShortages.Select(s => $"{s.SkuCode} 需要 {s.Needed}，可用 {s.Available}")) + " / insufficient stock",
                [.. _lastShortages.Select(s => s.SkuCode)]);
        return Order;
    }

    public async Task<bool> ResumeSaga()
    {
        await Settle();
        await Acknowledge();
        return Order.Saga is null;
    }

    private async Task Settle()
    {
        if (Order.Saga is not null) await RunSaga();
    }

    private async Task StartSaga(SagaKind kind, string warehouse, string actor, Action<OrderSaga> details)
    {
        var saga = new OrderSaga { Kind = kind, Warehouse = warehouse, Actor = actor };
        details(saga);
        saga.Operations = NewOperations(kind == SagaKind.Reserve ? "r" : kind == SagaKind.Commit ? "c" : "x", warehouse);
        Order.Saga = saga;
        await Write();
        await RunSaga();
    }

    private List<SkuOperation> NewOperations(string prefix, string warehouse)
    {
        var attempt = ++Order.SagaAttempts;
        return [.. Order.Lines.Select(l => new SkuOperation
        {
            SkuCode = l.SkuCode,
            OperationId = $"{OrderId}:{prefix}{attempt}:{l.LineNo}",
            Quantity = l.Quantity,
            Warehouse = warehouse,
        })];
    }

    private async Task RunSaga()
    {
        while (Order.Saga is { } saga)
        {
            var shipping = false;
            await Task.WhenAll(saga.Operations.Where(o => o.Done is null).Select(o => Execute(saga, o)));
            Order.Unacknowledged.AddRange(saga.Operations);
            switch (saga.Kind)
            {
                case SagaKind.Reserve when !saga.Compensating && saga.Operations.All(o => o.Done == true):
                    Finish(OrderStatus.Approved, StockHold.Reserved, "approved", saga.Warehouse);
                    Order.Warehouse = saga.Warehouse;
                    Order.ApprovedAt = clock.GetUtcNow();
                    break;
                case SagaKind.Reserve when !saga.Compensating:
                    // Another order took the stock between planning and reserving: give back what this attempt got.
                    _lastShortages = [.. saga.Operations.Where(o => o.Done == false).Select(o => new Shortage(o.SkuCode, o.Quantity, o.Available))];
                    saga.Tried.Add(saga.Warehouse);
                    saga.Compensating = true;
                    saga.Operations = [.. saga.Operations.Where(o => o.Done == true).Select(o => new SkuOperation
                    {
                        SkuCode = o.SkuCode, OperationId = o.OperationId + ":undo", Quantity = o.Quantity, Warehouse = o.Warehouse,
                    })];
                    break;
                case SagaKind.Reserve:
                    await Retry(saga);
                    break;
                case SagaKind.Release:
                    Finish(OrderStatus.Cancelled, StockHold.None, "cancelled", saga.Reason);
                    break;
                case SagaKind.Commit:
                    Finish(OrderStatus.Shipped, StockHold.Committed, "shipped", $"{saga.Carrier} {saga.TrackingNo}");
                    Order.Shipment = new Shipment { Carrier = saga.Carrier!, TrackingNo = saga.TrackingNo!, ShippedAt = clock.GetUtcNow() };
                    shipping = true;
                    break;
            }
            await Write();
            if (shipping) metrics.OrderShipped(Order.CreatedAt, Order.Shipment!.ShippedAt, Order.Channel);
        }
        await Acknowledge();
    }

    /// <summary>After compensation: try the next warehouse that fits, or give up with the shortages.</summary>
    private async Task Retry(OrderSaga saga)
    {
        var plan = saga.Tried.Count < MaxWarehousesTried ? await Plan(saga.Tried) : new AllocationPlan(null, _lastShortages);
        if (plan.Warehouse is null)
        {
            Order.Saga = null;
            if (plan.Shortages.Count > 0) _lastShortages = plan.Shortages;
            AddTimeline("approve-refused", saga.Actor, Describe(_lastShortages));
            return;
        }
        saga.Warehouse = plan.Warehouse;
        saga.Compensating = false;
        saga.Operations = NewOperations("r", plan.Warehouse);
    }

    private void Finish(OrderStatus status, StockHold hold, string timelineEvent, string? detail)
    {
        var actor = Order.Saga!.Actor;
        Order.Status = status;
        Order.Hold = hold;
        Order.StatusBeforeHold = null;
        Order.Saga = null;
        AddTimeline(timelineEvent, actor, detail);
    }

    private async Task Refuse(string actor, IReadOnlyList<Shortage> shortages)
    {
        _lastShortages = shortages;
        AddTimeline("approve-refused", actor, Describe(shortages));
        await Write();
    }

    private static string Describe(IEnumerable<Shortage> shortages) =>
        string.Join("; ", shortages.Select(s => $"{s.SkuCode} {s.Needed}>{s.Available}"));

    private async Task<AllocationPlan> Plan(IReadOnlyCollection<string> exclude, Dictionary<string, SkuSnapshot>? stock = null)
    {
        var need = Order.Lines.GroupBy(l => l.SkuCode).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var warehouses = GrainFactory.Tenant(TenantId).GetWarehouses();
        stock ??= await LoadSkus(need.Keys);
        // An inactive SKU can be reserved nowhere, so it counts as out of stock in every warehouse.
        var reservable = stock.Where(s => s.Value.Active).ToDictionary(s => s.Key, s => s.Value);
        return Allocation.Choose(need, await warehouses, reservable, exclude);
    }

    private async Task Execute(OrderSaga saga, SkuOperation op)
    {
        var sku = GrainFactory.Sku(TenantId, op.SkuCode);
        var request = new StockOpRequest(op.OperationId, OrderId, op.Warehouse, op.Quantity);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (saga.Kind == SagaKind.Reserve && !saga.Compensating)
                {
                    var result = await sku.Reserve(new ReserveRequest(op.OperationId, OrderId, op.Quantity, [op.Warehouse]));
                    (op.Done, op.Available) = (result.Reserved, result.Available);
                }
                else if (saga.Kind == SagaKind.Commit)
                {
                    await sku.Commit(request);
                    op.Done = true;
                }
                else
                {
                    await sku.Release(request);
                    op.Done = true;
                }
                return;
            }
            catch (CommandException refused) when (refused.Kind == FailureKind.Conflict && saga.Kind == SagaKind.Reserve && !saga.Compensating)
            {
                // The SKU was deactivated after planning: a refused line, compensated like short stock.
                (op.Done, op.Available) = (false, 0);
                return;
            }
            catch (OutcomeUnknownException) when (attempt < CallAttempts)
            {
                // Same operation id: the SKU grain answers with the recorded outcome if it got that far.
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt));
            }
        }
    }

    private async Task Acknowledge()
    {
        if (Order.Unacknowledged.Count == 0) return;
        try
        {
            await Task.WhenAll(Order.Unacknowledged
                .GroupBy(o => o.SkuCode)
                .Select(g => GrainFactory.Sku(TenantId, g.Key).Acknowledge([.. g.Select(o => o.OperationId)])));
            // Saved with the next write; repeating an acknowledgement is harmless.
            Order.Unacknowledged.Clear();
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Order {OrderId} could not acknowledge stock operations yet", OrderId);
        }
    }
}
