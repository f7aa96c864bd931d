namespace CloudOMS.Grains.Tests.Inventory;

/// <summary>A deactivated SKU takes no new orders or reservations; what orders already hold still ships or is released.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class SkuActivationTests(SharedClusters clusters)
{
    [Fact]
    public async Task An_inactive_sku_refuses_new_orders_and_reservations_until_it_is_active_again()
    {
        var oms = await clusters.For();
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 10));
        var sku = oms.Grains.Sku(tenant, "S1");

        Assert.False((await sku.SetActive(false)).Active);

        var order = await Assert.ThrowsAsync<CommandException>(() => oms.Grains.Order(tenant, "SO-1").Create(TestTenant.Order(("S1", 1))));
        Assert.Equal((FailureKind.Invalid, "lines[0].skuCode"), (order.Kind, order.Field));
        Assert.Contains("已停用", order.Message);
        Assert.Null(await oms.Grains.Order(tenant, "SO-1").Get());
        var reserve = await Assert.ThrowsAsync<CommandException>(() => sku.Reserve(new ReserveRequest("SO-X:r1:1", "SO-X", 1, ["WH1"])));
        Assert.Equal(FailureKind.Conflict, reserve.Kind);
        Assert.Equal(0, (await sku.Get())!.Level("WH1").Reserved);

        Assert.True((await sku.SetActive(true)).Active);
        var created = await oms.Grains.Order(tenant, "SO-1").Create(TestTenant.Order(("S1", 2)));
        Assert.Equal(OrderStatus.Approved, (await oms.Grains.Order(tenant, created.OrderId).Approve("clerk")).Status);
        Assert.Equal(2, (await sku.Get())!.Level("WH1").Reserved);
    }

    [Fact]
    public async Task An_order_waiting_for_review_cannot_be_approved_once_its_sku_is_deactivated()
    {
        var oms = await clusters.For();
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "A", ("WH1", 10));
        await TestTenant.Sku(oms.Grains, tenant, "B", ("WH1", 10));
        var order = oms.Grains.Order(tenant, "SO-1");
        await order.Create(TestTenant.Order(("A", 1), ("B", 1)));
        await oms.Grains.Sku(tenant, "B").SetActive(false);

        var refusal = await Assert.ThrowsAsync<CommandException>(() => order.Approve("clerk"));

        Assert.Equal(FailureKind.Conflict, refusal.Kind);
        Assert.Equal(["B"], refusal.Details);
        Assert.Contains("已停用", refusal.Message);
        Assert.Equal(OrderStatus.PendingReview, (await order.Get())!.Status);
        Assert.Equal(0, (await oms.Grains.Sku(tenant, "A").Get())!.Level("WH1").Reserved);
    }

    [Fact]
    public async Task Orders_that_hold_a_sku_before_it_is_deactivated_still_ship_and_cancel()
    {
        var oms = await clusters.For();
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 10));
        var shipped = oms.Grains.Order(tenant, "SO-1");
        var cancelled = oms.Grains.Order(tenant, "SO-2");
        await shipped.Create(TestTenant.Order(("S1", 3)));
        await cancelled.Create(TestTenant.Order(("S1", 4)));
        await shipped.Approve("clerk");
        await cancelled.Approve("clerk");
        var sku = oms.Grains.Sku(tenant, "S1");
        await sku.SetActive(false);

        Assert.Equal(OrderStatus.Shipped, (await shipped.Ship("clerk", "SF", "SF1234567890")).Status);
        Assert.Equal(OrderStatus.Cancelled, (await cancelled.Cancel("clerk", "客户取消")).Status);

        var level = (await sku.Get())!.Level("WH1");
        Assert.Equal((7, 0), (level.OnHand, level.Reserved));
        Assert.False((await sku.Get())!.Active);
    }
}
