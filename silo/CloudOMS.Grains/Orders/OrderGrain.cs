using Microsoft.Extensions.Logging;

namespace CloudOMS.Grains;

/// <summary>
/// One order: its state machine, and the durable record of the stock it holds. Stock steps run as a
/// saga (<see cref="OrderSaga"/> decides, OrderGrain.Saga.cs calls and saves); every command first
/// finishes a saga left over from a crash. Callers get an <see cref="OrderSnapshot"/>, never the state.
/// </summary>
public sealed partial class OrderGrain(
    [PersistentState(StorageNames.Order, StorageNames.Provider)] IPersistentState<OrderState> state,
    TimeProvider clock,
    OmsMetrics metrics,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain
{
    private OrderState Order => state.State;
    private string TenantId => GrainKeys.TenantIdOf(this.GetPrimaryKeyString());
    private string OrderId => GrainKeys.TryParseId(this.GetPrimaryKeyString());
    private OrderSnapshot View => OrderSnapshots.Of(Order);

    public async Task<OrderSnapshot> Create(NewOrder order)
    {
        if (Order.Exists) return View;
        await Fill(order);
        await Write();
        return View;
    }

    /// <summary>Validates the new order against the company's SKUs and fills the state (not saved yet); returns the SKUs.</summary>
    private async Task<Dictionary<string, SkuSnapshot>> Fill(NewOrder order)
    {
        OrderValidator.Validate(order).ThrowIfAny();
        var skus = await LoadSkus(order.Lines.Select(l => l.SkuCode));
        var unknownOrInactive = new FieldErrors();
        OrderValidator.CheckSkus(unknownOrInactive, order.Lines, skus);
        unknownOrInactive.ThrowIfAny();

        var now = clock.GetUtcNow();
        Order.OrderId = OrderId;
        Order.Status = order.Draft ? OrderStatus.Draft : OrderStatus.PendingReview;
        Order.Channel = order.Channel;
        Order.ExternalOrderNo = string.IsNullOrWhiteSpace(order.ExternalOrderNo) ? null : order.ExternalOrderNo;
        Order.Customer = new OrderCustomer
        {
            Name = TextRules.Clean(order.Customer.Name)!,
            Phone = TextRules.Clean(order.Customer.Phone)!,
            Province = TextRules.Clean(order.Customer.Province)!,
            City = TextRules.Clean(order.Customer.City)!,
            Address = TextRules.Clean(order.Customer.Address)!,
        };
        Order.Lines = [.. order.Lines.Select((l, i) => new OrderLine
        {
            LineNo = i + 1,
            SkuCode = l.SkuCode,
            SkuName = skus[l.SkuCode].Profile.Name,
            Quantity = l.Quantity,
            UnitPrice = l.UnitPrice,
            Discount = l.Discount,
        })];
        Order.ShippingFee = order.ShippingFee;
        Order.Note = string.IsNullOrWhiteSpace(order.Note) ? null : TextRules.Clean(order.Note);
        Order.CreatedAt = now;
        Order.PaymentStatus = PaymentStatus.Unpaid;
        AddTimeline("created", order.Actor, order.Channel);
        return skus;
    }

    public Task<OrderSnapshot?> Get() => Task.FromResult(Order.Exists ? View : null);

    public Task<OrderSnapshot> Submit(string actor) =>
        Act(OrderAction.Submit, actor, o => o.Status = OrderStatus.PendingReview, "submitted");

    public Task<OrderSnapshot> Hold(string actor, string reason)
    {
        TextRules.Ensure(("reason", reason));
        return Act(OrderAction.Hold, actor, o => (o.StatusBeforeHold, o.Status) = (o.Status, OrderStatus.OnHold), "held", TextRules.Clean(reason));
    }

    public Task<OrderSnapshot> ReleaseHold(string actor) =>
        Act(OrderAction.ReleaseHold, actor, o => (o.Status, o.StatusBeforeHold) = (o.StatusBeforeHold ?? OrderStatus.PendingReview, null), "hold-released");

    public Task<OrderSnapshot> StartPicking(string actor) =>
        Act(OrderAction.StartPicking, actor, o => o.Status = OrderStatus.Picking, "picking");

    public Task<OrderSnapshot> MarkDelivered(string actor) =>
        Act(OrderAction.Deliver, actor, o => (o.Status, o.DeliveredAt) = (OrderStatus.Delivered, clock.GetUtcNow()), "delivered");

    public Task<OrderSnapshot> Complete(string actor) =>
        Act(OrderAction.Complete, actor, o => (o.Status, o.CompletedAt) = (OrderStatus.Completed, clock.GetUtcNow()), "completed");

    public async Task<OrderSnapshot> Cancel(string actor, string reason)
    {
        TextRules.Ensure(("reason", reason));
        reason = TextRules.Clean(reason)!;
        if (!await Ready(OrderAction.Cancel)) return View;
        if (Order.Hold != StockHold.Reserved)
            return await Apply(o => o.Status = OrderStatus.Cancelled, "cancelled", actor, reason);
        Saga.Release(actor, reason);
        await RunNewStep();
        return View;
    }

    public async Task<OrderSnapshot> Ship(string actor, string carrier, string trackingNo)
    {
        if (!Carriers.IsKnown(carrier))
            throw CommandException.Invalid("carrier", Msg.Of("OrderGrain.UnknownCarrier", string.Join("、", Carriers.All.Select(c => c.Code))));
        if (string.IsNullOrWhiteSpace(trackingNo) || trackingNo.Length > Limits.ShortText || !Limits.IsCode(trackingNo))
            throw CommandException.Invalid("trackingNo", Msg.Of("OrderGrain.ValidTrackingNumberRequired"));
        if (!await Ready(o => OrderWorkflow.DecideShip(o, carrier, trackingNo))) return View;
        Saga.Commit(actor, carrier, trackingNo);
        await RunNewStep();
        return View;
    }

    public async Task<OrderSnapshot> RecordPayment(string actor, PaymentInput payment)
    {
        TextRules.Ensure(("reference", payment.Reference));
        await Ready(OrderAction.Pay);
        if (!string.IsNullOrEmpty(payment.Reference) && Order.Payments.FirstOrDefault(p => p.Reference == payment.Reference) is { } recorded)
            return recorded.Amount == payment.Amount && recorded.Method == payment.Method
                ? View
                : throw CommandException.KeyReused("reference",
                    Msg.Of("OrderGrain.ReferenceAlreadyRecordedAnotherPayment", payment.Reference, recorded.Method, recorded.Amount));
        var outstanding = Order.Total - Order.PaidAmount;
        if (payment.Amount <= 0 || payment.Amount > outstanding || decimal.Round(payment.Amount, 2) != payment.Amount)
            throw CommandException.Invalid("amount", Msg.Of("OrderGrain.AmountAboveMost", outstanding));
        if (!PaymentMethods.IsKnown(payment.Method))
            throw CommandException.Invalid("method", Msg.Of("OrderGrain.UnknownPaymentMethod", string.Join("、", PaymentMethods.All.Select(c => c.Code))));
        if (payment.Reference?.Length > 64)
            throw CommandException.Invalid("reference", Msg.Of("OrderGrain.ReferenceMostCharacters"));
        return await Apply(o =>
        {
            o.Payments.Add(new Payment { Amount = payment.Amount, Method = payment.Method, Reference = payment.Reference, At = clock.GetUtcNow(), Actor = actor });
            o.PaymentStatus = OrderWorkflow.PaymentStatusOf(o.PaidAmount, o.Total);
        }, "paid", actor, $"{payment.Method} {payment.Amount:0.00}");
    }

    private async Task<OrderSnapshot> Act(OrderAction action, string actor, Action<OrderState> change, string timelineEvent, string? detail = null) =>
        await Ready(action) ? await Apply(change, timelineEvent, actor, detail) : View;

    private Task<bool> Ready(OrderAction action) => Ready(o => OrderWorkflow.Decide(o, action));

    /// <summary>
    /// Finishes any interrupted saga, then checks the order exists and lets the workflow decide: false when the order
    /// is already where the action leads (a retry, answered with the order and nothing written).
    /// </summary>
    private async Task<bool> Ready(Func<OrderState, Transition> decide)
    {
        await Settle();
        if (!Order.Exists) throw CommandException.NotFound(Msg.Of("OrderGrain.OrderNotFound", OrderId));
        return decide(Order) == Transition.Change;
    }

    private async Task<OrderSnapshot> Apply(Action<OrderState> change, string timelineEvent, string actor, string? detail)
    {
        change(Order);
        AddTimeline(timelineEvent, actor, detail);
        await Write();
        return View;
    }

    private void AddTimeline(string name, string actor, string? detail = null) =>
        Order.Timeline.Add(new TimelineEntry { At = clock.GetUtcNow(), Event = name, Actor = actor, Detail = detail });

    private async Task Write()
    {
        Order.UpdatedAt = clock.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Order {OrderId} write failed; reloading on next call", OrderId);
            // Memory may now differ from storage: the next call starts again from what was saved.
            DeactivateOnIdle();
            throw new OutcomeUnknownException(Msg.Of("OrderGrain.WriteFailedPleaseRetry"));
        }
    }

    private async Task<Dictionary<string, SkuSnapshot>> LoadSkus(IEnumerable<string> codes)
    {
        var distinct = codes.Distinct().ToList();
        var snapshots = await Task.WhenAll(distinct.Select(c => GrainFactory.Sku(TenantId, c).Get()));
        return distinct.Zip(snapshots)
            .Where(p => p.Second is not null)
            .ToDictionary(p => p.First, p => p.Second!);
    }
}
