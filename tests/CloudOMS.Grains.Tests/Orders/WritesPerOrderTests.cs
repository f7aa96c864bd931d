using Xunit.Abstractions;

namespace CloudOMS.Grains.Tests.Orders;

/// <summary>
/// Counts the grain state writes that land for each order taken and reserved, by state name, through the counting
/// storage in front of the real store (issue 18: fewer and smaller writes per order). Orders run one at a time, so no
/// write merges with another order's: these are the most an order costs, a burst costs less.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class WritesPerOrderTests(SharedClusters clusters, ITestOutputHelper output)
{
    private const int Orders = 20;

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task An_order_taken_at_intake_and_reserved_costs_at_most_three_writes(StorageProvider provider)
    {
        var (oms, tenant) = await Shop(provider, autoApprove: true);

        var perOrder = await Measure(oms, tenant, async order => Assert.Equal(ReviewOutcome.Reserved, (await order.Intake(TestTenant.Order(("S1", 1)))).Review.Outcome));

        Assert.True(perOrder.Values.Sum() <= 3.1, Describe(perOrder));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task An_order_created_then_approved_costs_at_most_four_writes(StorageProvider provider)
    {
        var (oms, tenant) = await Shop(provider, autoApprove: false);

        var perOrder = await Measure(oms, tenant, async order =>
        {
            await order.Create(TestTenant.Order(("S1", 1)));
            Assert.Equal(OrderStatus.Approved, (await order.Approve("test")).Status);
        });

        Assert.True(perOrder.Values.Sum() <= 4.1, Describe(perOrder));
    }

    [Fact]
    public async Task An_order_number_is_handed_out_only_once_its_block_is_saved()
    {
        var (oms, tenant) = await Shop(StorageProvider.Sqlite, autoApprove: false);
        var numbers = oms.Grains.Tenant(tenant);

        using (FaultyStorage.Arm(new FaultPlan(StorageNames.Tenant, GrainKeys.Tenant(tenant), FaultMode.FailBeforeWrite)))
            await Assert.ThrowsAsync<OutcomeUnknownException>(() => numbers.NextOrderId());
        var saved = FaultyStorage.WritesFor(GrainKeys.Tenant(tenant)).GetValueOrDefault(StorageNames.Tenant);
        var next = await numbers.NextOrderId();

        Assert.Matches(@"^SO\d{8}00002$", next);
        Assert.Equal(saved + 1, FaultyStorage.WritesFor(GrainKeys.Tenant(tenant))[StorageNames.Tenant]);
    }

    [Fact]
    public async Task An_approval_refused_again_for_the_same_shortage_writes_nothing_and_says_so_again()
    {
        var (oms, tenant) = await Shop(StorageProvider.Sqlite, autoApprove: false);
        var order = oms.Grains.Order(tenant, await oms.Grains.Tenant(tenant).NextOrderId());
        await order.Create(TestTenant.Order(("S1", 2_000)));
        var first = await Assert.ThrowsAsync<CommandException>(() => order.Approve("clerk"));
        var written = FaultyStorage.WritesFor(GrainKeys.Tenant(tenant))[StorageNames.Order];

        var again = await Assert.ThrowsAsync<CommandException>(() => order.Approve("clerk"));

        Assert.Equal(("insufficient_stock", first.Message), (again.Code, again.Message));
        Assert.Equal(written, FaultyStorage.WritesFor(GrainKeys.Tenant(tenant))[StorageNames.Order]);
        Assert.Single((await order.Get())!.Timeline, e => e.Event == "approve-refused");
    }

    private async Task<(CloudOmsCluster Oms, string Tenant)> Shop(StorageProvider provider, bool autoApprove)
    {
        var oms = await clusters.For(provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 1_000));
        await oms.Grains.Tenant(tenant).SetOrderReview(new OrderReviewSettings(AutoApprove: autoApprove));
        return (oms, tenant);
    }

    /// <summary>Takes <see cref="Orders"/> numbered orders one after another; the writes that landed, per order, by state name.</summary>
    private async Task<IReadOnlyDictionary<string, double>> Measure(CloudOmsCluster oms, string tenant, Func<IOrderGrain, Task> take)
    {
        var before = FaultyStorage.WritesFor(GrainKeys.Tenant(tenant));
        for (var i = 0; i < Orders; i++)
            await take(oms.Grains.Order(tenant, await oms.Grains.Tenant(tenant).NextOrderId()));
        var after = FaultyStorage.WritesFor(GrainKeys.Tenant(tenant));
        var perOrder = after.ToDictionary(w => w.Key, w => (w.Value - before.GetValueOrDefault(w.Key)) / (double)Orders);
        output.WriteLine(Describe(perOrder));
        return perOrder;
    }

    private static string Describe(IReadOnlyDictionary<string, double> perOrder) =>
        $"writes per order {perOrder.Values.Sum():0.##}: " + string.Join(", ", perOrder.Where(w => w.Value > 0).OrderBy(w => w.Key).Select(w => $"{w.Key} {w.Value:0.##}"));
}
