namespace CloudOMS.Grains.Tests.Domain;

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
        var state = new TenantState();
        var lateUtc = new DateTimeOffset(2026, 11, 25, 15, 59, 0, TimeSpan.Zero);
        Assert.Equal("SO2026112500001", OrderNumbering.Next(state, lateUtc));
        Assert.Equal("SO2026112500002", OrderNumbering.Next(state, lateUtc));
        Assert.Equal("SO2026112600001", OrderNumbering.Next(state, lateUtc.AddMinutes(2)));
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
