namespace CloudOMS.Grains;

/// <summary>
/// The stock saga of one order, over its stored state: which SKU calls each step makes, and what follows once they
/// are answered (approve; give back what a short warehouse granted and try the next; refuse naming the short lines;
/// cancel; ship). It does no I/O: the grain saves each step before calling the SKU grains as told, records their
/// answers on the step's operations and asks what next. Operation ids come from the order id, the attempt and the
/// line, so a step resumed after a crash repeats the same ids and the SKU grains answer with what they already did.
/// </summary>
public sealed class OrderSaga(OrderState order)
{
    /// <summary>Each warehouse may lose its stock to a rival between planning and reserving; after this many tries the order is refused.</summary>
    public const int MaxWarehousesTried = 3;

    /// <summary>The order's SKUs that are deactivated, by code: an order naming one cannot be approved.</summary>
    public static IReadOnlyList<string> InactiveSkus(StockPicture stock) =>
        [.. stock.Skus.Values.Where(s => !s.Active).Select(s => s.Profile.Code).Order(StringComparer.Ordinal)];

    /// <summary>Starts reserving every line in the best warehouse that can fill them all, or refuses naming the short lines.</summary>
    public SagaNext Approve(string actor, StockPicture stock, DateTimeOffset now)
    {
        var plan = Plan(stock, []);
        if (plan.Warehouse is null) return Refuse(actor, plan.Shortages, now);
        Start(SagaKind.Reserve, plan.Warehouse, actor);
        return new SagaNext.CallSkus();
    }

    /// <summary>Starts giving back the stock the order holds, as it is cancelled.</summary>
    public void Release(string actor, string reason) => Start(SagaKind.Release, order.Warehouse!, actor).Reason = reason;

    /// <summary>Starts taking the held stock out of the warehouse, as the order ships.</summary>
    public void Commit(string actor, string carrier, string trackingNo)
    {
        var step = Start(SagaKind.Commit, order.Warehouse!, actor);
        (step.Carrier, step.TrackingNo) = (carrier, trackingNo);
    }

    /// <summary>The calls the saved step still needs (its unanswered operations); null when no step is in progress.</summary>
    public SkuCalls? Calls()
    {
        if (order.Saga is not { } step) return null;
        var call = step.Kind switch
        {
            SagaKind.Reserve when !step.Compensating => SkuCall.Reserve,
            SagaKind.Commit => SkuCall.Commit,
            _ => SkuCall.Release,
        };
        return new SkuCalls(call, [.. step.Operations.Where(o => o.Done is null)]);
    }

    /// <summary>A SKU grain's answer to a reservation.</summary>
    public static void Record(SkuOperation op, ReserveResult answer) => (op.Done, op.Available) = (answer.Reserved, answer.Available);

    /// <summary>A release or commit the SKU grain has made.</summary>
    public static void Record(SkuOperation op) => op.Done = true;

    /// <summary>A reservation refused outright (the SKU was deactivated after planning): nothing available, compensated like short stock.</summary>
    public static void RecordRefusal(SkuOperation op) => (op.Done, op.Available) = (false, 0);

    /// <summary>Decides what follows once every call of the step is answered.</summary>
    public SagaNext Answered(DateTimeOffset now)
    {
        var step = order.Saga ?? throw new InvalidOperationException("No stock step is in progress.");
        if (step.Operations.Any(o => o.Done is null)) throw new InvalidOperationException("The step has unanswered calls.");
        // The outcomes are saved with this decision; the SKU grains may then forget them.
        order.Unacknowledged.AddRange(step.Operations);
        switch (step.Kind)
        {
            case SagaKind.Reserve when !step.Compensating && step.Operations.All(o => o.Done == true):
                Finish(OrderStatus.Approved, StockHold.Reserved, "approved", step.Warehouse, now);
                order.Warehouse = step.Warehouse;
                order.ApprovedAt = now;
                return new SagaNext.Finished(OrderStatus.Approved);
            case SagaKind.Reserve when !step.Compensating:
                // Another order took the stock between planning and reserving: give back what this attempt got.
                step.Shortages = [.. step.Operations.Where(o => o.Done == false).Select(o => new Shortage(o.SkuCode, o.Quantity, o.Available))];
                step.Tried.Add(step.Warehouse);
                step.Compensating = true;
                step.Operations = [.. step.Operations.Where(o => o.Done == true).Select(o => new SkuOperation
                {
                    SkuCode = o.SkuCode, OperationId = o.OperationId + ":undo", Quantity = o.Quantity, Warehouse = o.Warehouse,
                })];
                return new SagaNext.CallSkus();
            case SagaKind.Reserve:
                return step.Tried.Count < MaxWarehousesTried ? new SagaNext.TryAnotherWarehouse() : Refuse(step.Actor, step.Shortages, now);
            case SagaKind.Release:
                Finish(OrderStatus.Cancelled, StockHold.None, "cancelled", step.Reason, now);
                return new SagaNext.Finished(OrderStatus.Cancelled);
            default:
                Finish(OrderStatus.Shipped, StockHold.Committed, "shipped", $"{step.Carrier} {step.TrackingNo}", now);
                order.Shipment = new Shipment { Carrier = step.Carrier!, TrackingNo = step.TrackingNo!, ShippedAt = now };
                return new SagaNext.Finished(OrderStatus.Shipped);
        }
    }

    /// <summary>After a short warehouse gave its stock back: reserve in the next one that fits, or refuse.</summary>
    public SagaNext Replan(StockPicture stock, DateTimeOffset now)
    {
        if (order.Saga is not { Kind: SagaKind.Reserve, Compensating: true } step)
            throw new InvalidOperationException("Only a compensated reservation tries another warehouse.");
        var plan = Plan(stock, step.Tried);
        // The plan names the lines short in the closest warehouse left; the last warehouse's shortages stand otherwise.
        if (plan.Warehouse is null) return Refuse(step.Actor, plan.Shortages.Count > 0 ? plan.Shortages : step.Shortages, now);
        step.Warehouse = plan.Warehouse;
        step.Compensating = false;
        step.Operations = NewOperations("r", plan.Warehouse);
        return new SagaNext.CallSkus();
    }

    private AllocationPlan Plan(StockPicture stock, IReadOnlyCollection<string> exclude)
    {
        var need = order.Lines.GroupBy(l => l.SkuCode).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        // An inactive SKU can be reserved nowhere, so it counts as out of stock in every warehouse.
        var reservable = stock.Skus.Where(s => s.Value.Active).ToDictionary(s => s.Key, s => s.Value);
        return Allocation.Choose(need, stock.Warehouses, reservable, exclude);
    }

    private SagaStep Start(SagaKind kind, string warehouse, string actor)
    {
        // Every command settles a step left over from a crash before it starts another.
        if (order.Saga is not null) throw new InvalidOperationException("A stock step is already in progress.");
        var prefix = kind switch { SagaKind.Reserve => "r", SagaKind.Commit => "c", _ => "x" };
        order.Saga = new SagaStep { Kind = kind, Warehouse = warehouse, Actor = actor, Operations = NewOperations(prefix, warehouse) };
        return order.Saga;
    }

    private List<SkuOperation> NewOperations(string prefix, string warehouse)
    {
        var attempt = ++order.SagaAttempts;
        return [.. order.Lines.Select(l => new SkuOperation
        {
            SkuCode = l.SkuCode,
            OperationId = $"{order.OrderId}:{prefix}{attempt}:{l.LineNo}",
            Quantity = l.Quantity,
            Warehouse = warehouse,
        })];
    }

    private SagaNext.Refused Refuse(string actor, IReadOnlyList<Shortage> shortages, DateTimeOffset now)
    {
        var detail = string.Join("; ", shortages.Select(s => $"{s.SkuCode} {s.Needed}>{s.Available}"));
        // The same refusal again, with no step between (a clerk pressing approve twice): recorded already, nothing to save.
        if (order.Saga is null && order.RefusedShortages.SequenceEqual(shortages)
            && order.Timeline.LastOrDefault() is { Event: "approve-refused" } last && last.Actor == actor && last.Detail == detail)
            return new SagaNext.Refused(shortages, Repeat: true);
        order.Saga = null;
        order.RefusedShortages = [.. shortages];
        AddTimeline("approve-refused", actor, detail, now);
        return new SagaNext.Refused(shortages);
    }

    private void Finish(OrderStatus status, StockHold hold, string timelineEvent, string? detail, DateTimeOffset now)
    {
        var actor = order.Saga!.Actor;
        order.Status = status;
        order.Hold = hold;
        order.StatusBeforeHold = null;
        order.Saga = null;
        AddTimeline(timelineEvent, actor, detail, now);
    }

    private void AddTimeline(string name, string actor, string? detail, DateTimeOffset now) =>
        order.Timeline.Add(new TimelineEntry { At = now, Event = name, Actor = actor, Detail = detail });
}
