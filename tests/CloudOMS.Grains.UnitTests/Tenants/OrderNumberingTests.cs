namespace CloudOMS.Grains.UnitTests.Tenants;

/// <summary>
/// Order numbers come from a block saved once per <see cref="OrderNumbering.BlockSize"/> orders: a crash (a fresh
/// numbering over the saved state) skips the block's rest, so numbers may have gaps but never repeat, and the month's
/// count never falls below the orders taken nor passes the plan's quota.
/// </summary>
public sealed class OrderNumberingTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_block_is_reserved_once_and_the_numbers_of_the_day_follow_from_memory()
    {
        var (state, numbers) = (new TenantState(), new OrderNumbering());

        var taken = Enumerable.Range(0, 250).Select(_ => numbers.Next(state, Noon)).ToList();

        Assert.Equal([0, 100, 200], taken.Select((t, i) => (t, i)).Where(p => p.t.Reserved).Select(p => p.i));
        Assert.Equal("SO2026120700001", taken[0].Id);
        Assert.Equal("SO2026120700250", taken[^1].Id);
        Assert.Equal((300, 300), (state.OrderSequence, state.OrdersThisMonth));
        Assert.Equal(250, TenantQuotas.Usage(state, Noon, numbers.Unused).OrdersThisMonth);
    }

    [Fact]
    public void After_a_crash_the_rest_of_the_saved_block_is_skipped_and_no_number_repeats()
    {
        var (state, numbers) = (new TenantState(), new OrderNumbering());
        var before = Enumerable.Range(0, 30).Select(_ => numbers.Next(state, Noon).Id).ToList();

        var restarted = new OrderNumbering();
        var after = restarted.Next(state, Noon);

        Assert.Equal(("SO2026120700101", true), after);
        Assert.DoesNotContain(after.Id, before);
        // The skipped rest stays counted: the month's count never misses an order that was taken.
        Assert.True(TenantQuotas.Usage(state, Noon, restarted.Unused).OrdersThisMonth >= 31);
    }

    [Fact]
    public void A_numbering_stopped_in_good_order_gives_its_rest_back()
    {
        var (state, numbers) = (new TenantState(), new OrderNumbering());
        for (var i = 0; i < 30; i++) numbers.Next(state, Noon);

        Assert.True(numbers.GiveBack(state));

        var again = new OrderNumbering();
        Assert.Equal(30, TenantQuotas.Usage(state, Noon).OrdersThisMonth);
        Assert.Equal(("SO2026120700031", true), again.Next(state, Noon));
        Assert.Equal(31, TenantQuotas.Usage(state, Noon, again.Unused).OrdersThisMonth);
    }

    [Fact]
    public void A_block_never_passes_the_plan_quota_and_the_order_past_it_is_refused()
    {
        var state = new TenantState { Entitlement = new Entitlement("trial", new PlanQuotas(30, null, null, null, null), TenantAccess.Full, 1) };
        var numbers = new OrderNumbering();

        var taken = Enumerable.Range(0, 30).Select(_ => numbers.Next(state, Noon)).ToList();

        Assert.Equal(30, state.OrdersThisMonth);
        Assert.Single(taken, t => t.Reserved);
        var refused = Assert.Throws<CommandException>(() => numbers.Next(state, Noon));
        Assert.Equal(FailureKind.QuotaExceeded, refused.Kind);
    }

    [Fact]
    public void A_new_day_gives_back_the_rest_of_yesterday_s_block()
    {
        var (state, numbers) = (new TenantState(), new OrderNumbering());
        for (var i = 0; i < 10; i++) numbers.Next(state, Noon);

        var tomorrow = numbers.Next(state, Noon.AddDays(1));

        Assert.Equal(("SO2026120800001", true), tomorrow);
        Assert.Equal(11, TenantQuotas.Usage(state, Noon.AddDays(1), numbers.Unused).OrdersThisMonth);
    }
}
