namespace CloudOMS.Grains.UnitTests.Inventory;

public sealed class StockLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private static StockLedger Ledger(int onHand = 10)
    {
        var ledger = new StockLedger(new SkuInventoryState());
        ledger.Move(new StockMove("in", StockMoveKind.Receive, "W1", onHand, null, "", "t"), Now);
        return ledger;
    }

    [Fact]
    public void Reserve_refuses_when_available_is_short()
    {
        var ledger = Ledger(5);
        var result = ledger.Reserve(new ReserveRequest("op1", "SO-1", 6, ["W1"]), Now);
        Assert.False(result.Reserved);
        Assert.Equal(5, result.Available);
        Assert.Equal(0, ledger.State.Warehouses["W1"].Reserved);
    }

    [Fact]
    public void A_refusal_records_nothing_so_a_retry_after_stock_arrives_is_decided_afresh()
    {
        var ledger = Ledger(1);
        Assert.False(ledger.Reserve(new ReserveRequest("op1", "SO-1", 3, ["W1"]), Now).Reserved);
        Assert.False(ledger.IsRecorded("op1"));
        Assert.DoesNotContain(ledger.State.Pending.Values, p => p.OrderId is not null);

        ledger.Move(new StockMove("in2", StockMoveKind.Receive, "W1", 5, null, "", "t"), Now);
        var retry = ledger.Reserve(new ReserveRequest("op1", "SO-1", 3, ["W1"]), Now);

        Assert.True(retry.Reserved);
        Assert.Equal(3, ledger.State.Warehouses["W1"].Reserved);
    }

    [Fact]
    public void Reserve_of_an_inactive_sku_is_a_conflict_but_a_retry_of_an_earlier_grant_still_answers_granted()
    {
        var ledger = Ledger(5);
        ledger.Reserve(new ReserveRequest("op1", "SO-1", 2, ["W1"]), Now);
        ledger.State.Inactive = true;

        var refusal = Assert.Throws<CommandException>(() => ledger.Reserve(new ReserveRequest("op2", "SO-2", 1, ["W1"]), Now));
        var retry = ledger.Reserve(new ReserveRequest("op1", "SO-1", 2, ["W1"]), Now);

        Assert.Equal(FailureKind.Conflict, refusal.Kind);
        Assert.True(retry.Reserved);
        Assert.Equal(2, ledger.State.Warehouses["W1"].Reserved);
        ledger.Release(new StockOpRequest("op1:x", "SO-1", "W1", 2), Now);
        Assert.Equal(0, ledger.State.Warehouses["W1"].Reserved);
    }

    [Fact]
    public void Reserve_takes_the_first_preferred_warehouse_with_enough_stock()
    {
        var ledger = Ledger(2);
        ledger.Move(new StockMove("in2", StockMoveKind.Receive, "W2", 9, null, "", "t"), Now);
        var result = ledger.Reserve(new ReserveRequest("op1", "SO-1", 3, ["W1", "W2"]), Now);
        Assert.Equal("W2", result.Warehouse);
        Assert.Equal(6, result.Available);
    }

    [Fact]
    public void A_repeated_operation_id_returns_the_first_outcome_without_a_second_effect()
    {
        var ledger = Ledger(10);
        var first = ledger.Reserve(new ReserveRequest("op1", "SO-1", 4, ["W1"]), Now);
        var again = ledger.Reserve(new ReserveRequest("op1", "SO-1", 4, ["W1"]), Now);
        Assert.Equal(first, again);
        Assert.Equal(4, ledger.State.Warehouses["W1"].Reserved);
    }

    [Fact]
    public void An_operation_id_cannot_be_reused_for_another_kind_of_operation()
    {
        var ledger = Ledger(10);
        ledger.Reserve(new ReserveRequest("op1", "SO-1", 4, ["W1"]), Now);
        var error = Assert.Throws<CommandException>(() => ledger.Release(new StockOpRequest("op1", "SO-1", "W1", 4), Now));
        Assert.Equal(FailureKind.Conflict, error.Kind);
    }

    [Fact]
    public void Commit_removes_reserved_units_from_on_hand()
    {
        var ledger = Ledger(10);
        ledger.Reserve(new ReserveRequest("r", "SO-1", 4, ["W1"]), Now);
        ledger.Commit(new StockOpRequest("c", "SO-1", "W1", 4), Now);
        Assert.Equal((6, 0), (ledger.State.Warehouses["W1"].OnHand, ledger.State.Warehouses["W1"].Reserved));
    }

    [Fact]
    public void Adjust_cannot_take_on_hand_below_reserved()
    {
        var ledger = Ledger(10);
        ledger.Reserve(new ReserveRequest("r", "SO-1", 8, ["W1"]), Now);
        Assert.Throws<CommandException>(() => ledger.Move(new StockMove("a", StockMoveKind.Adjust, "W1", -3, null, "盘亏", "t"), Now));
        Assert.Equal(10, ledger.State.Warehouses["W1"].OnHand);
    }

    [Fact]
    public void Transfer_moves_only_available_stock()
    {
        var ledger = Ledger(10);
        ledger.Reserve(new ReserveRequest("r", "SO-1", 7, ["W1"]), Now);
        Assert.Throws<CommandException>(() => ledger.Move(new StockMove("t1", StockMoveKind.Transfer, "W1", 4, "W2", "", "t"), Now));
        ledger.Move(new StockMove("t2", StockMoveKind.Transfer, "W1", 3, "W2", "", "t"), Now);
        Assert.Equal(7, ledger.State.Warehouses["W1"].OnHand);
        Assert.Equal(3, ledger.State.Warehouses["W2"].OnHand);
    }

    [Fact]
    public void Release_more_than_reserved_is_refused()
    {
        var ledger = Ledger(10);
        ledger.Reserve(new ReserveRequest("r", "SO-1", 2, ["W1"]), Now);
        Assert.Throws<CommandException>(() => ledger.Release(new StockOpRequest("x", "SO-1", "W1", 3), Now));
        Assert.Equal(2, ledger.State.Warehouses["W1"].Reserved);
    }

    [Fact]
    public void Records_are_pruned_after_their_retention()
    {
        var ledger = Ledger(10);
        ledger.Reserve(new ReserveRequest("r", "SO-1", 2, ["W1"]), Now);
        Assert.False(ledger.Prune(Now + TimeSpan.FromMinutes(30)));
        Assert.True(ledger.Prune(Now + StockLedger.OrderOperationRetention + TimeSpan.FromSeconds(1)));
        Assert.Empty(ledger.State.Pending);
    }
}
