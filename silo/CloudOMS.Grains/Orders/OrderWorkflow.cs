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

/// <summary>Which action each status allows. Statuses and actions carry their Chinese names for messages.</summary>
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

    public static bool Can(OrderStatus status, OrderAction action) => Allowed[action].Contains(status);

    public static void Ensure(OrderState order, OrderAction action)
    {
        if (!Can(order.Status, action))
            throw CommandException.Conflict(ErrorCodes.InvalidTransition,
                $"订单 {order.OrderId} 当前状态为“{StatusName(order.Status)}”，不能{ActionName(action)} / order is {order.Status}: cannot {action}");
    }

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
