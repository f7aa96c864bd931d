using Microsoft.Extensions.Logging;

namespace CloudOMS.Grains;

/// <summary>
/// The grain's side of the stock saga: <see cref="OrderSaga"/> decides, the grain saves each step before any SKU
/// grain is called, makes the calls the step names, and saves every decision before acting on it.
/// </summary>
public sealed partial class OrderGrain
{
    private const int CallAttempts = 5;

    // Storage replaces the state object when it reads it, so the saga is always made over the current one.
    private OrderSaga Saga => new(state.State);

    public async Task<OrderSnapshot> Approve(string actor)
    {
        if (!await Ready(OrderAction.Approve)) return View;
        var stock = await LoadStock();
        var inactive = OrderSaga.InactiveSkus(stock);
        if (inactive.Count > 0)
            throw CommandException.Conflict(ErrorCodes.SkuInactive, Msg.Of("OrderGrain.InactiveSKUOrderCannotApproved", string.Join("、", inactive)), inactive);
        var next = Saga.Approve(actor, stock, clock.GetUtcNow());
        // The step (or the refusal) is saved with the order before any SKU grain is called; a repeated refusal is not.
        if (next is not SagaNext.Refused { Repeat: true }) await Write();
        if (next is SagaNext.CallSkus) next = await RunSaga();
        if (next is SagaNext.Refused refused)
            throw CommandException.Conflict(ErrorCodes.InsufficientStock,
                Msg.Of("OrderGrain.InsufficientStock", refused.Shortages.Select(s => Msg.Of("OrderGrain.Shortage", s.SkuCode, s.Needed, s.Available)).ToList()),
                [.. refused.Shortages.Select(s => s.SkuCode)]);
        return View;
    }

    public async Task<IntakeAnswer> Intake(NewOrder order)
    {
        if (Order.Exists)
        {
            // A resend: a step the first call left half done is finished, nothing new is started.
            await Settle();
            return IntakeAnswer();
        }
        var review = await GrainFactory.Tenant(TenantId).GetOrderReview();
        if (!IntakeReviews.ApprovesAtIntake(review, order))
        {
            await Create(order);
            return IntakeAnswer();
        }
        var skus = await Fill(order);
        var stock = new StockPicture(await GrainFactory.Tenant(TenantId).GetWarehouses(), skus);
        // The order and its first saga step (or its refusal) are saved together, before any SKU grain is called.
        var next = Saga.Approve(order.Actor, stock, clock.GetUtcNow());
        await Write();
        if (next is SagaNext.CallSkus) await RunSaga();
        return IntakeAnswer();
    }

    private IntakeAnswer IntakeAnswer() => new(View, IntakeReviews.Of(Order));

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

    /// <summary>Saves the step the saga just started, before any SKU grain is called, then runs it.</summary>
    private async Task RunNewStep()
    {
        await Write();
        await RunSaga();
    }

    /// <summary>Runs the saved step and the ones decided after it; returns the last decision (null when no step was in progress).</summary>
    private async Task<SagaNext?> RunSaga()
    {
        SagaNext? next = null;
        while (Saga.Calls() is { } calls)
        {
            await Task.WhenAll(calls.Operations.Select(o => Execute(calls.Call, o)));
            next = Saga.Answered(clock.GetUtcNow());
            if (next is SagaNext.TryAnotherWarehouse) next = Saga.Replan(await LoadStock(), clock.GetUtcNow());
            await Write();
            if (next is SagaNext.Finished { Status: OrderStatus.Shipped }) metrics.OrderShipped(Order.CreatedAt, Order.Shipment!.ShippedAt, Order.Channel);
        }
        await Acknowledge();
        return next;
    }

    private async Task<StockPicture> LoadStock()
    {
        var warehouses = GrainFactory.Tenant(TenantId).GetWarehouses();
        var skus = await LoadSkus(Order.Lines.Select(l => l.SkuCode));
        return new StockPicture(await warehouses, skus);
    }

    private async Task Execute(SkuCall call, SkuOperation op)
    {
        var sku = GrainFactory.Sku(TenantId, op.SkuCode);
        var request = new StockOpRequest(op.OperationId, OrderId, op.Warehouse, op.Quantity);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                switch (call)
                {
                    case SkuCall.Reserve:
                        OrderSaga.Record(op, await sku.Reserve(new ReserveRequest(op.OperationId, OrderId, op.Quantity, [op.Warehouse])));
                        break;
                    case SkuCall.Commit:
                        await sku.Commit(request);
                        OrderSaga.Record(op);
                        break;
                    default:
                        await sku.Release(request);
                        OrderSaga.Record(op);
                        break;
                }
                return;
            }
            catch (CommandException refused) when (refused.Kind == FailureKind.Conflict && call == SkuCall.Reserve)
            {
                // The SKU was deactivated after planning: a refused line, compensated like short stock.
                OrderSaga.RecordRefusal(op);
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
