using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;

namespace CloudOMS.Grains.UnitTests.Orders;

/// <summary>The saga's decisions on plain state: no grains, no cluster; the SKU grains' answers are written by hand.</summary>
public sealed class OrderSagaTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 0, 0, 5, TimeSpan.Zero);
    private static readonly WarehouseRef[] Warehouses = [new("WH1", 1, true), new("WH2", 2, true), new("WH3", 3, true), new("WH4", 4, true)];

    [Fact]
    public void Reserves_every_line_in_the_best_warehouse_that_can_fill_them_all()
    {
        var saga = new OrderSaga(Order(("A", 2), ("B", 3)));

        Assert.IsType<SagaNext.CallSkus>(saga.Approve("clerk", Stock(("A", "WH1", 9), ("B", "WH1", 1), ("A", "WH2", 9), ("B", "WH2", 9)), Now));

        var calls = saga.Calls()!;
        Assert.Equal(SkuCall.Reserve, calls.Call);
        Assert.Equal([("A", "SO-1:r1:1", 2, "WH2"), ("B", "SO-1:r1:2", 3, "WH2")], calls.Operations.Select(o => (o.SkuCode, o.OperationId, o.Quantity, o.Warehouse)));
    }

    [Fact]
    public void Refuses_with_the_short_skus_when_no_warehouse_has_enough()
    {
        var order = Order(("A", 2), ("B", 3));

        var next = new OrderSaga(order).Approve("clerk", Stock(("A", "WH1", 9), ("B", "WH1", 1), ("A", "WH2", 1), ("B", "WH2", 2)), Now);

        Assert.Equal([new Shortage("B", 3, 1)], Assert.IsType<SagaNext.Refused>(next).Shortages);
        Assert.Equal((OrderStatus.PendingReview, StockHold.None), (order.Status, order.Hold));
        Assert.Null(order.Saga);
        Assert.Equal(("approve-refused", "clerk", "B 3>1"), (order.Timeline[^1].Event, order.Timeline[^1].Actor, order.Timeline[^1].Detail));
    }

    [Fact]
    public void The_same_refusal_again_is_a_repeat_with_nothing_to_save_and_a_changed_one_is_recorded()
    {
        var order = Order(("A", 2), ("B", 3));
        var stock = Stock(("A", "WH1", 9), ("B", "WH1", 1));
        new OrderSaga(order).Approve("clerk", stock, Now);
        var entries = order.Timeline.Count;

        var again = new OrderSaga(order).Approve("clerk", stock, Now.AddMinutes(1));
        var changed = new OrderSaga(order).Approve("clerk", Stock(("A", "WH1", 9), ("B", "WH1", 2)), Now.AddMinutes(2));

        var repeat = Assert.IsType<SagaNext.Refused>(again);
        Assert.Equal([new Shortage("B", 3, 1)], repeat.Shortages);
        Assert.True(repeat.Repeat);
        Assert.False(Assert.IsType<SagaNext.Refused>(changed).Repeat);
        Assert.Equal(entries + 1, order.Timeline.Count);
        Assert.Equal(("approve-refused", "B 3>2"), (order.Timeline[^1].Event, order.Timeline[^1].Detail));
        Assert.Equal([new Shortage("B", 3, 2)], order.RefusedShortages);
    }

    [Fact]
    public void Counts_an_inactive_sku_as_out_of_stock_in_every_warehouse_and_names_it()
    {
        var stock = Stock(("C", "WH1", 9), ("B", "WH1", 9), ("A", "WH1", 9));
        stock = stock with { Skus = stock.Skus.ToDictionary(s => s.Key, s => s.Value with { Active = s.Key == "A" }) };

        Assert.Equal(["B", "C"], OrderSaga.InactiveSkus(stock));
        var next = new OrderSaga(Order(("A", 1), ("B", 1))).Approve("clerk", stock, Now);
        Assert.Equal([new Shortage("B", 1, 0)], Assert.IsType<SagaNext.Refused>(next).Shortages);
    }

    [Fact]
    public void Approves_once_every_reservation_is_granted()
    {
        var order = Order(("A", 2), ("B", 3));
        var saga = new OrderSaga(order);
        saga.Approve("clerk", Plenty("A", "B"), Now);

        Assert.Equal(new SagaNext.Finished(OrderStatus.Approved), Answer(saga));

        Assert.Equal((OrderStatus.Approved, StockHold.Reserved, "WH1", (DateTimeOffset?)Now), (order.Status, order.Hold, order.Warehouse, order.ApprovedAt));
        Assert.Null(saga.Calls());
        Assert.Equal("approved", order.Timeline[^1].Event);
        Assert.Equal(["SO-1:r1:1", "SO-1:r1:2"], order.Unacknowledged.Select(o => o.OperationId));
    }

    [Fact]
    public void Gives_back_what_was_granted_when_another_order_took_a_line_first()
    {
        var order = Order(("A", 2), ("B", 3));
        var saga = new OrderSaga(order);
        saga.Approve("clerk", Plenty("A", "B"), Now);

        Assert.IsType<SagaNext.CallSkus>(Answer(saga, refused: "B"));

        var calls = saga.Calls()!;
        Assert.Equal((SkuCall.Release, "SO-1:r1:1:undo", "WH1"), (calls.Call, Assert.Single(calls.Operations).OperationId, calls.Operations[0].Warehouse));
        Assert.Equal([new Shortage("B", 3, 1)], order.Saga!.Shortages);
        Assert.Equal(["WH1"], order.Saga.Tried);
        Assert.Equal(OrderStatus.PendingReview, order.Status);
    }

    [Fact]
    public void Tries_the_next_warehouse_once_the_stock_is_given_back()
    {
        var saga = new OrderSaga(Order(("A", 2), ("B", 3)));
        saga.Approve("clerk", Plenty("A", "B"), Now);
        Answer(saga, refused: "B");

        Assert.IsType<SagaNext.TryAnotherWarehouse>(Answer(saga));
        Assert.IsType<SagaNext.CallSkus>(saga.Replan(Plenty("A", "B"), Now));

        var calls = saga.Calls()!;
        Assert.Equal(SkuCall.Reserve, calls.Call);
        Assert.Equal([("SO-1:r2:1", "WH2"), ("SO-1:r2:2", "WH2")], calls.Operations.Select(o => (o.OperationId, o.Warehouse)));
    }

    [Fact]
    public void Refuses_naming_the_lines_short_in_the_closest_warehouse_left()
    {
        var order = Order(("A", 2), ("B", 3));
        var saga = new OrderSaga(order);
        saga.Approve("clerk", Plenty("A", "B"), Now);
        Answer(saga, refused: "B");
        Answer(saga);

        var next = saga.Replan(Stock(("A", "WH1", 9), ("B", "WH1", 9), ("A", "WH2", 9), ("B", "WH2", 2)), Now);

        Assert.Equal([new Shortage("B", 3, 2)], Assert.IsType<SagaNext.Refused>(next).Shortages);
        Assert.Null(order.Saga);
        Assert.Equal("B 3>2", order.Timeline[^1].Detail);
    }

    [Fact]
    public void A_refusal_decided_after_a_restart_still_names_the_short_skus()
    {
        var order = Order(("A", 2), ("B", 3));
        var saga = new OrderSaga(order);
        saga.Approve("clerk", Plenty("A", "B"), Now);
        for (var tried = 1; tried < OrderSaga.MaxWarehousesTried; tried++)
        {
            Answer(saga, refused: "B");
            Assert.IsType<SagaNext.TryAnotherWarehouse>(Answer(saga));
            saga.Replan(Plenty("A", "B"), Now);
        }
        Answer(saga, refused: "B");

        // The crash: a new saga over the state as storage gives it back (plain JSON), nothing kept from before.
        var stored = JsonSerializer.Deserialize<OrderState>(JsonSerializer.Serialize(order, Json), Json)!;
        var next = Answer(new OrderSaga(stored));

        Assert.Equal([new Shortage("B", 3, 1)], Assert.IsType<SagaNext.Refused>(next).Shortages);
        Assert.Equal(("approve-refused", "B 3>1"), (stored.Timeline[^1].Event, stored.Timeline[^1].Detail));
        Assert.Null(stored.Saga);
    }

    [Fact]
    public void A_sku_deactivated_after_planning_is_a_refused_line_with_nothing_available()
    {
        var order = Order(("A", 2), ("B", 3));
        var saga = new OrderSaga(order);
        saga.Approve("clerk", Plenty("A", "B"), Now);
        var calls = saga.Calls()!;
        OrderSaga.Record(calls.Operations[0], new ReserveResult(true, "WH1", 7));
        OrderSaga.RecordRefusal(calls.Operations[1]);

        Assert.IsType<SagaNext.CallSkus>(saga.Answered(Now));
        Assert.Equal([new Shortage("B", 3, 0)], order.Saga!.Shortages);
    }

    [Fact]
    public void A_resumed_step_calls_only_the_lines_not_yet_answered()
    {
        var saga = new OrderSaga(Order(("A", 2), ("B", 3)));
        saga.Approve("clerk", Plenty("A", "B"), Now);
        OrderSaga.Record(saga.Calls()!.Operations[0], new ReserveResult(true, "WH1", 7));

        Assert.Equal(["B"], saga.Calls()!.Operations.Select(o => o.SkuCode));
        Assert.Throws<InvalidOperationException>(() => saga.Answered(Now));
    }

    [Fact]
    public void Cancels_once_the_held_stock_is_released()
    {
        var order = Approved();
        var saga = new OrderSaga(order);
        saga.Release("clerk", "客户取消");

        Assert.Equal((SkuCall.Release, "SO-1:x2:1", "WH1"), (saga.Calls()!.Call, saga.Calls()!.Operations[0].OperationId, saga.Calls()!.Operations[0].Warehouse));
        Assert.Equal(new SagaNext.Finished(OrderStatus.Cancelled), Answer(saga));
        Assert.Equal((OrderStatus.Cancelled, StockHold.None, "cancelled", "客户取消"), (order.Status, order.Hold, order.Timeline[^1].Event, order.Timeline[^1].Detail));
    }

    [Fact]
    public void Ships_once_the_held_stock_is_committed()
    {
        var order = Approved();
        var saga = new OrderSaga(order);
        saga.Commit("clerk", "SF", "SF100");

        Assert.Equal((SkuCall.Commit, "SO-1:c2:1"), (saga.Calls()!.Call, saga.Calls()!.Operations[0].OperationId));
        Assert.Equal(new SagaNext.Finished(OrderStatus.Shipped), Answer(saga));
        Assert.Equal((OrderStatus.Shipped, StockHold.Committed, "SF SF100"), (order.Status, order.Hold, order.Timeline[^1].Detail));
        Assert.Equal(("SF", "SF100", Now), (order.Shipment!.Carrier, order.Shipment.TrackingNo, order.Shipment.ShippedAt));
    }

    [Fact]
    public void Starts_no_step_while_another_is_in_progress()
    {
        var saga = new OrderSaga(Order(("A", 2)));
        saga.Approve("clerk", Plenty("A"), Now);

        Assert.Throws<InvalidOperationException>(() => saga.Release("clerk", "客户取消"));
    }

    [Fact]
    public void Whatever_the_skus_answer_the_order_holds_stock_only_once_approved_and_a_refusal_names_a_sku()
    {
        var runs = from lines in Gen.Choose(1, 3) from grants in Gen.ArrayOf(Gen.Elements(true, false)) select (lines, grants);
        Prop.ForAll(Arb.From(runs), run => Run(run.lines, run.grants)).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    /// <summary>Runs the saga to its end, granting reservations as <paramref name="grants"/> says (then all), and checks what it holds.</summary>
    private static bool Run(int lines, bool[] grants)
    {
        var order = Order([.. Enumerable.Range(1, lines).Select(i => ($"S{i % 2}", i))]);
        var saga = new OrderSaga(order);
        var answers = new Queue<bool>(grants);
        var held = new Dictionary<(string Sku, string Warehouse), int>();
        var tried = new HashSet<string>();
        var next = saga.Approve("clerk", Plenty("S0", "S1"), Now);
        for (var round = 0; next is SagaNext.CallSkus or SagaNext.TryAnotherWarehouse; round++)
        {
            Assert.True(round < 20, "the saga ends");
            if (next is SagaNext.TryAnotherWarehouse)
            {
                next = saga.Replan(Plenty("S0", "S1"), Now);
                continue;
            }
            var calls = saga.Calls()!;
            foreach (var op in calls.Operations)
            {
                var granted = calls.Call != SkuCall.Reserve || answers.Count == 0 || answers.Dequeue();
                if (calls.Call == SkuCall.Reserve) OrderSaga.Record(op, new ReserveResult(granted, granted ? op.Warehouse : null, granted ? 90 : 1));
                else OrderSaga.Record(op);
                if (calls.Call == SkuCall.Reserve) tried.Add(op.Warehouse);
                if (granted) held[(op.SkuCode, op.Warehouse)] = held.GetValueOrDefault((op.SkuCode, op.Warehouse)) + (calls.Call == SkuCall.Reserve ? op.Quantity : -op.Quantity);
            }
            next = saga.Answered(Now);
        }
        var holding = held.Where(h => h.Value != 0).ToDictionary();
        Assert.Null(order.Saga);
        Assert.InRange(tried.Count, 1, OrderSaga.MaxWarehousesTried);
        if (next is SagaNext.Finished)
            Assert.Equal(order.Lines.GroupBy(l => l.SkuCode).ToDictionary(g => (g.Key, order.Warehouse!), g => g.Sum(l => l.Quantity)), holding);
        else
        {
            Assert.Empty(holding);
            Assert.NotEmpty(Assert.IsType<SagaNext.Refused>(next).Shortages);
            Assert.Equal(OrderStatus.PendingReview, order.Status);
        }
        return true;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static OrderState Order(params (string Sku, int Quantity)[] lines) => new()
    {
        OrderId = "SO-1",
        Status = OrderStatus.PendingReview,
        Lines = [.. lines.Select((l, i) => new OrderLine { LineNo = i + 1, SkuCode = l.Sku, SkuName = l.Sku, Quantity = l.Quantity, UnitPrice = 10m })],
    };

    /// <summary>A one-line order approved in WH1 (its reservation was attempt 1).</summary>
    private static OrderState Approved()
    {
        var order = Order(("A", 2));
        var saga = new OrderSaga(order);
        saga.Approve("clerk", Plenty("A"), Now);
        Answer(saga);
        return order;
    }

    /// <summary>Answers every call of the step: reservations of <paramref name="refused"/> are refused with 1 left, the rest granted.</summary>
    private static SagaNext Answer(OrderSaga saga, params string[] refused)
    {
        var calls = saga.Calls()!;
        foreach (var op in calls.Operations)
            if (calls.Call != SkuCall.Reserve) OrderSaga.Record(op);
            else if (refused.Contains(op.SkuCode)) OrderSaga.Record(op, new ReserveResult(false, null, 1));
            else OrderSaga.Record(op, new ReserveResult(true, op.Warehouse, 90));
        return saga.Answered(Now);
    }

    private static StockPicture Plenty(params string[] skus) =>
        Stock([.. skus.SelectMany(s => Warehouses.Select(w => (s, w.Code, 99)))]);

    private static StockPicture Stock(params (string Sku, string Warehouse, int Available)[] levels) =>
        new(Warehouses, levels.GroupBy(l => l.Sku).ToDictionary(g => g.Key, g => new SkuSnapshot(
            new SkuProfile(g.Key, g.Key, null, "件", 10m, 0m, 0), [.. g.Select(l => new StockLevelInfo(l.Warehouse, l.Available, 0, 0))], Active: true)));
}
