namespace CloudOMS.Grains;

public enum OrderAction
{
    Submit,
    Approve,
    Hold,
    ReleaseHold,
    Cancel,
    StartPicking,
    Ship,
    Deliver,
    Complete,
    Pay,
}

/// <summary>What a command does to an order: change it, or nothing because the order is already where it leads.</summary>
public enum Transition
{
    Change,

    /// <summary>A retry (or a second click) of a transition that already happened: answer with the order as it is.</summary>
    AlreadyDone,
}

/// <summary>
/// Which action each status allows, and which repeats are answered as done. Clients retry after a 503 or a lost
/// answer, so an action whose target status the order already has is not a conflict: it changes nothing and the
/// caller gets the order. Statuses and actions carry their Chinese names for messages.
/// </summary>
public static class OrderWorkflow
{
    private static readonly Dictionary<OrderAction, OrderStatus[]> Allowed = new()
    {
        [OrderAction.Submit] = [OrderStatus.Draft],
        [OrderAction.Approve] = [OrderStatus.PendingReview],
        [OrderAction.Hold] = [OrderStatus.Draft, OrderStatus.PendingReview, OrderStatus.Approved, OrderStatus.Picking],
        [OrderAction.ReleaseHold] = [OrderStatus.OnHold],
        [OrderAction.Cancel] = [OrderStatus.Draft, OrderStatus.PendingReview, OrderStatus.Approved, OrderStatus.Picking, OrderStatus.OnHold, OrderStatus.Rejected],
        [OrderAction.StartPicking] = [OrderStatus.Approved],
        [OrderAction.Ship] = [OrderStatus.Approved, OrderStatus.Picking],
        [OrderAction.Deliver] = [OrderStatus.Shipped],
        [OrderAction.Complete] = [OrderStatus.Delivered],
        [OrderAction.Pay] = [OrderStatus.Draft, OrderStatus.PendingReview, OrderStatus.Approved, OrderStatus.Picking,
            OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.OnHold],
    };

    /// <summary>
    /// The status each repeatable action leads to. Release-hold and payments are not here: after a release the order
    /// is back where it was, so a repeat cannot be told from a mistake (payments repeat safely by their reference).
    /// </summary>
    private static readonly Dictionary<OrderAction, OrderStatus> Leads = new()
    {
        [OrderAction.Submit] = OrderStatus.PendingReview,
        [OrderAction.Approve] = OrderStatus.Approved,
        [OrderAction.Hold] = OrderStatus.OnHold,
        [OrderAction.Cancel] = OrderStatus.Cancelled,
        [OrderAction.StartPicking] = OrderStatus.Picking,
        [OrderAction.Ship] = OrderStatus.Shipped,
        [OrderAction.Deliver] = OrderStatus.Delivered,
        [OrderAction.Complete] = OrderStatus.Completed,
    };

    public static bool Can(OrderStatus status, OrderAction action) => Allowed[action].Contains(status);

    /// <summary>Whether the order is already in the status <paramref name="action"/> leads to.</summary>
    public static bool IsDone(OrderStatus status, OrderAction action) => Leads.TryGetValue(action, out var target) && target == status;

    /// <summary>Change, already done (a repeat), or a 409 <see cref="ErrorCodes.InvalidTransition"/> naming the status.</summary>
    public static Transition Decide(OrderState order, OrderAction action)
    {
        if (action == OrderAction.Ship && order.Status == OrderStatus.Shipped)
            throw ShippedAlready(order);
        if (IsDone(order.Status, action)) return Transition.AlreadyDone;
        Ensure(order, action);
        return Transition.Change;
    }

    /// <summary>
    /// Shipping repeats only with the same carrier and tracking number: the same parcel asked again. Another tracking
    /// number for a shipped order is a different shipment, refused as a conflict.
    /// </summary>
    public static Transition DecideShip(OrderState order, string carrier, string trackingNo)
    {
        if (order.Status != OrderStatus.Shipped) return Decide(order, OrderAction.Ship);
        return order.Shipment is { } shipped && shipped.Carrier == carrier && shipped.TrackingNo == trackingNo
            ? Transition.AlreadyDone
            : throw ShippedAlready(order);
    }

    public static void Ensure(OrderState order, OrderAction action)
    {
        if (!Can(order.Status, action))
            throw CommandException.Conflict(ErrorCodes.InvalidTransition,
                Msg.Of("OrderWorkflow.OrderCannot", order.OrderId, StatusName(order.Status), ActionName(action), order.Status, action));
    }

    private static CommandException ShippedAlready(OrderState order) => CommandException.Conflict(ErrorCodes.InvalidTransition,
        Msg.Of("OrderWorkflow.ShippedAlready", order.OrderId, order.Shipment?.Carrier, order.Shipment?.TrackingNo));

    public static string StatusName(OrderStatus status) => status switch
    {
        OrderStatus.Draft => "草稿",
        OrderStatus.PendingReview => "待审核",
        OrderStatus.Approved => "已审核",
        OrderStatus.Picking => "拣货中",
        OrderStatus.Shipped => "已发货",
        OrderStatus.Delivered => "已签收",
        OrderStatus.Completed => "已完成",
        OrderStatus.OnHold => "挂起",
        OrderStatus.Cancelled => "已取消",
        OrderStatus.Rejected => "已驳回",
        OrderStatus.AfterSale => "售后",
        _ => status.ToString(),
    };

    public static string ActionName(OrderAction action) => action switch
    {
        OrderAction.Submit => "提交审核",
        OrderAction.Approve => "审核",
        OrderAction.Hold => "挂起",
        OrderAction.ReleaseHold => "取消挂起",
        OrderAction.Cancel => "取消",
        OrderAction.StartPicking => "开始拣货",
        OrderAction.Ship => "发货",
        OrderAction.Deliver => "确认签收",
        OrderAction.Complete => "完成",
        OrderAction.Pay => "登记收款",
        _ => action.ToString(),
    };

    public static PaymentStatus PaymentStatusOf(decimal paid, decimal total) =>
        paid <= 0 ? PaymentStatus.Unpaid : paid < total ? PaymentStatus.PartiallyPaid : PaymentStatus.Paid;
}
