namespace CloudOMS.Grains.Tests.Orders;

/// <summary>
/// One intake call creates the order and, with the company's 自动审核 on, runs the approval saga: a write that lands
/// but reports a failure leaves a step a resend finishes, reserving once, as approve does.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class OrderIntakeTests(SharedClusters clusters)
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task An_intake_whose_write_failed_after_landing_is_finished_by_the_resend_and_reserves_once(StorageProvider provider)
    {
        var oms = await clusters.For(provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 10));
        await oms.Grains.Tenant(tenant).SetOrderReview(new OrderReviewSettings(AutoApprove: true));
        var order = oms.Grains.Order(tenant, "SO-1");

        using (FaultyStorage.Arm(new FaultPlan(StorageNames.Order, GrainKeys.Order(tenant, "SO-1"), FaultMode.FailAfterWrite)))
            await Assert.ThrowsAsync<OutcomeUnknownException>(() => order.Intake(TestTenant.Order(("S1", 4))));
        var resent = await order.Intake(TestTenant.Order(("S1", 4)));

        Assert.Equal((ReviewOutcome.Reserved, OrderStatus.Approved, "WH1"), (resent.Review.Outcome, resent.Order.Status, resent.Order.Warehouse));
        Assert.Equal(4, (await oms.Grains.Sku(tenant, "S1").Get())!.Level("WH1").Reserved);
        Assert.Single(resent.Order.Timeline, e => e.Event == "created");
        Assert.Single(resent.Order.Timeline, e => e.Event == "approved");
    }

    [Fact]
    public async Task An_intake_short_of_stock_leaves_the_order_awaiting_review_with_its_shortages_and_a_resend_says_so_again()
    {
        var oms = await clusters.For();
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "A", ("WH1", 10));
        await TestTenant.Sku(oms.Grains, tenant, "B", ("WH1", 1));
        await oms.Grains.Tenant(tenant).SetOrderReview(new OrderReviewSettings(AutoApprove: true));
        var order = oms.Grains.Order(tenant, "SO-1");

        var refused = await order.Intake(TestTenant.Order(("A", 2), ("B", 3)));
        var resent = await order.Intake(TestTenant.Order(("A", 2), ("B", 3)));

        Assert.Equal((ReviewOutcome.Refused, OrderStatus.PendingReview, StockHold.None), (refused.Review.Outcome, refused.Order.Status, refused.Order.Hold));
        Assert.Equal([new Shortage("B", 3, 1)], refused.Review.Shortages);
        Assert.Equal(refused.Review.Shortages, resent.Review.Shortages);
        Assert.Equal(0, (await oms.Grains.Sku(tenant, "A").Get())!.Level("WH1").Reserved);
        Assert.Single(resent.Order.Timeline, e => e.Event == "approve-refused");
    }

    [Fact]
    public async Task An_intake_for_a_company_that_reviews_by_hand_leaves_the_order_pending()
    {
        var oms = await clusters.For();
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 10));

        var answer = await oms.Grains.Order(tenant, "SO-1").Intake(TestTenant.Order(("S1", 4)));

        Assert.False((await oms.Grains.Tenant(tenant).GetOrderReview()).AutoApprove);
        Assert.Equal((ReviewOutcome.Pending, OrderStatus.PendingReview), (answer.Review.Outcome, answer.Order.Status));
        Assert.Equal(0, (await oms.Grains.Sku(tenant, "S1").Get())!.Level("WH1").Reserved);
    }
}
