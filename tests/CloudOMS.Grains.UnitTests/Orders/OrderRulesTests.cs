using CloudOMS.Texts;

namespace CloudOMS.Grains.UnitTests.Orders;

public sealed class OrderRulesTests
{
    [Theory]
    [InlineData(OrderStatus.PendingReview, OrderAction.Approve, true)]
    [InlineData(OrderStatus.Approved, OrderAction.Approve, false)]
    [InlineData(OrderStatus.PendingReview, OrderAction.Ship, false)]
    [InlineData(OrderStatus.Picking, OrderAction.Ship, true)]
    [InlineData(OrderStatus.Shipped, OrderAction.Cancel, false)]
    [InlineData(OrderStatus.Shipped, OrderAction.Complete, false)]
    [InlineData(OrderStatus.Delivered, OrderAction.Complete, true)]
    [InlineData(OrderStatus.Cancelled, OrderAction.Pay, false)]
    public void The_workflow_allows_only_the_documented_transitions(OrderStatus status, OrderAction action, bool allowed) =>
        Assert.Equal(allowed, OrderWorkflow.Can(status, action));

    [Fact]
    public void A_refused_transition_names_the_status_in_chinese()
    {
        var error = Assert.Throws<CommandException>(() => OrderWorkflow.Ensure(new OrderState { OrderId = "SO1", Status = OrderStatus.Shipped }, OrderAction.Cancel));
        Assert.Equal(FailureKind.Conflict, error.Kind);
        Assert.Equal(ErrorCodes.InvalidTransition, error.Code);
        Assert.Contains("已发货", error.Message);
    }

    [Theory]
    [InlineData(OrderStatus.PendingReview, OrderAction.Submit)]
    [InlineData(OrderStatus.Approved, OrderAction.Approve)]
    [InlineData(OrderStatus.OnHold, OrderAction.Hold)]
    [InlineData(OrderStatus.Cancelled, OrderAction.Cancel)]
    [InlineData(OrderStatus.Picking, OrderAction.StartPicking)]
    [InlineData(OrderStatus.Delivered, OrderAction.Deliver)]
    [InlineData(OrderStatus.Completed, OrderAction.Complete)]
    public void Repeating_an_action_on_an_order_already_in_its_target_status_is_already_done(OrderStatus status, OrderAction action) =>
        Assert.Equal(Transition.AlreadyDone, OrderWorkflow.Decide(new OrderState { OrderId = "SO1", Status = status }, action));

    [Theory]
    [InlineData(OrderStatus.Picking, OrderAction.Approve)]
    [InlineData(OrderStatus.Shipped, OrderAction.Approve)]
    [InlineData(OrderStatus.Cancelled, OrderAction.Approve)]
    [InlineData(OrderStatus.Approved, OrderAction.Submit)]
    [InlineData(OrderStatus.Approved, OrderAction.ReleaseHold)]
    [InlineData(OrderStatus.Completed, OrderAction.Deliver)]
    public void An_action_whose_target_the_order_has_passed_stays_an_invalid_transition(OrderStatus status, OrderAction action)
    {
        var error = Assert.Throws<CommandException>(() => OrderWorkflow.Decide(new OrderState { OrderId = "SO1", Status = status }, action));
        Assert.Equal((FailureKind.Conflict, ErrorCodes.InvalidTransition), (error.Kind, error.Code));
    }

    [Fact]
    public void Every_status_and_action_is_a_change_a_repeat_or_an_invalid_transition_and_a_repeat_only_in_the_target_status()
    {
        foreach (var status in Enum.GetValues<OrderStatus>())
        foreach (var action in Enum.GetValues<OrderAction>().Where(a => a != OrderAction.Ship))
        {
            var order = new OrderState { OrderId = "SO1", Status = status };
            Transition? decided = null;
            try
            {
                decided = OrderWorkflow.Decide(order, action);
            }
            catch (CommandException refused)
            {
                Assert.Equal(ErrorCodes.InvalidTransition, refused.Code);
            }
            var expected = OrderWorkflow.IsDone(status, action) ? Transition.AlreadyDone : OrderWorkflow.Can(status, action) ? Transition.Change : (Transition?)null;
            Assert.True(expected == decided, $"{status} {action}: expected {expected?.ToString() ?? "a refusal"}, got {decided?.ToString() ?? "a refusal"}");
        }
    }

    [Fact]
    public void Shipping_a_shipped_order_again_with_the_same_carrier_and_tracking_number_is_already_done()
    {
        var shipped = new OrderState { OrderId = "SO1", Status = OrderStatus.Shipped, Shipment = new Shipment { Carrier = "SF", TrackingNo = "SF100" } };

        Assert.Equal(Transition.AlreadyDone, OrderWorkflow.DecideShip(shipped, "SF", "SF100"));
        Assert.Equal(Transition.Change, OrderWorkflow.DecideShip(new OrderState { OrderId = "SO2", Status = OrderStatus.Picking }, "SF", "SF100"));
    }

    [Theory]
    [InlineData("SF", "SF200")]
    [InlineData("YTO", "SF100")]
    public void Shipping_a_shipped_order_with_another_carrier_or_tracking_number_is_an_invalid_transition(string carrier, string trackingNo)
    {
        var shipped = new OrderState { OrderId = "SO1", Status = OrderStatus.Shipped, Shipment = new Shipment { Carrier = "SF", TrackingNo = "SF100" } };

        var error = Assert.Throws<CommandException>(() => OrderWorkflow.DecideShip(shipped, carrier, trackingNo));

        Assert.Equal((FailureKind.Conflict, ErrorCodes.InvalidTransition), (error.Kind, error.Code));
        Assert.Contains("SF100", error.Message);
    }

    [Fact]
    public void Payment_status_follows_the_paid_amount()
    {
        Assert.Equal(PaymentStatus.Unpaid, OrderWorkflow.PaymentStatusOf(0m, 100m));
        Assert.Equal(PaymentStatus.PartiallyPaid, OrderWorkflow.PaymentStatusOf(40m, 100m));
        Assert.Equal(PaymentStatus.Paid, OrderWorkflow.PaymentStatusOf(100m, 100m));
    }

    [Fact]
    public void The_validator_reports_every_bad_field_at_once()
    {
        var order = new NewOrder("ebay", new string('x', 51), new OrderCustomer { Name = "", Phone = "abc", Province = "山东省", City = "临沂市", Address = "路" },
            [new NewOrderLine("A 1", 0, -1m, 0m)], -5m, new string('n', 501), false, "t");
        var errors = OrderValidator.Validate(order).ToDictionary();
        Assert.Equal(
            ["channel", "customer.name", "customer.phone", "externalOrderNo", "lines[0].quantity", "lines[0].skuCode", "lines[0].unitPrice", "note", "shippingFee"],
            errors.Keys.Order());
    }

    [Fact]
    public void An_order_without_lines_is_invalid()
    {
        var order = new NewOrder("manual", null, new OrderCustomer { Name = "张三", Phone = "138", Province = "山东省", City = "临沂市", Address = "路" }, [], 0m, null, false, "t");
        Assert.Contains("lines", OrderValidator.Validate(order).ToDictionary().Keys);
    }

    [Fact]
    public void Order_numbers_run_per_china_calendar_day()
    {
        var (state, numbers) = (new TenantState(), new OrderNumbering());
        var lateUtc = new DateTimeOffset(2026, 11, 25, 15, 59, 0, TimeSpan.Zero);
        Assert.Equal("SO2026112500001", numbers.Next(state, lateUtc).Id);
        Assert.Equal("SO2026112500002", numbers.Next(state, lateUtc).Id);
        Assert.Equal("SO2026112600001", numbers.Next(state, lateUtc.AddMinutes(2)).Id);
    }

    [Fact]
    public void Grain_keys_are_tenant_first_and_parse_back()
    {
        var key = GrainKeys.Order("acme", "SO1");
        Assert.Equal("t:acme/order:SO1", key);
        Assert.True(GrainKeys.TryParse(key, out var tenant, out var kind, out var id));
        Assert.Equal(("acme", "order", "SO1"), (tenant, kind, id));
        Assert.Throws<ArgumentException>(() => GrainKeys.Sku("", "A"));
        Assert.Throws<ArgumentException>(() => GrainKeys.Sku("a/b", "A"));
    }
}
