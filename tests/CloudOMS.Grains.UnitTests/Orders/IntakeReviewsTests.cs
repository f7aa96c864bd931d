namespace CloudOMS.Grains.UnitTests.Orders;

public sealed class IntakeReviewsTests
{
    private static NewOrder Order(bool draft) =>
        new("manual", null, new OrderCustomer(), [new NewOrderLine("S1", 1, 10m, 0m)], 0m, null, draft, "test");

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    public void Only_auto_approve_approves_at_intake_and_never_a_draft(bool autoApprove, bool draft, bool approves) =>
        Assert.Equal(approves, IntakeReviews.ApprovesAtIntake(new OrderReviewSettings(autoApprove), Order(draft)));

    [Fact]
    public void Companies_review_by_hand_unless_switched_on() =>
        Assert.False(OrderReviewSettings.ByHand.AutoApprove);

    [Fact]
    public void An_order_holding_stock_reads_as_reserved_even_after_an_earlier_refusal()
    {
        var order = new OrderState { OrderId = "SO1", Status = OrderStatus.Approved, Hold = StockHold.Reserved, RefusedShortages = [new("S1", 3, 1)] };

        Assert.Equal(new IntakeReview(ReviewOutcome.Reserved, []).Outcome, IntakeReviews.Of(order).Outcome);
        Assert.Empty(IntakeReviews.Of(order).Shortages);
    }

    [Fact]
    public void An_order_awaiting_review_after_a_refusal_reads_as_refused_with_its_short_lines()
    {
        var order = new OrderState { OrderId = "SO1", Status = OrderStatus.PendingReview, RefusedShortages = [new("S1", 3, 1)] };

        var review = IntakeReviews.Of(order);

        Assert.Equal(ReviewOutcome.Refused, review.Outcome);
        Assert.Equal([new Shortage("S1", 3, 1)], review.Shortages);
    }

    [Theory]
    [InlineData(OrderStatus.PendingReview, false)]
    [InlineData(OrderStatus.Draft, false)]
    [InlineData(OrderStatus.Cancelled, true)]
    [InlineData(OrderStatus.OnHold, true)]
    public void An_order_not_reviewed_or_no_longer_awaiting_review_reads_as_pending(OrderStatus status, bool refusedBefore)
    {
        var order = new OrderState { OrderId = "SO1", Status = status, RefusedShortages = refusedBefore ? [new("S1", 3, 1)] : [] };

        Assert.Equal(ReviewOutcome.Pending, IntakeReviews.Of(order).Outcome);
    }

    [Fact]
    public void An_order_whose_reservation_step_is_still_running_reads_as_pending()
    {
        var order = new OrderState { OrderId = "SO1", Status = OrderStatus.PendingReview, Saga = new SagaStep(), RefusedShortages = [new("S1", 3, 1)] };

        Assert.Equal(ReviewOutcome.Pending, IntakeReviews.Of(order).Outcome);
    }
}
