using FsCheck;
using FsCheck.Fluent;

namespace CloudOMS.Grains.Tests.Inventory;

/// <summary>
/// Random sequences of receive / adjust / transfer / reserve-then-ship-or-cancel against a real SKU
/// grain. Run one at a time they must match the sequential model exactly, step by step; run all at
/// once, the invariant 0 ≤ reserved ≤ on-hand holds in every snapshot taken meanwhile and the final
/// state equals the model given the outcomes the grain reported.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class StockPropertyTests(SharedClusters clusters)
{
    private static readonly string[] Warehouses = ["W1", "W2"];

    [Fact]
    public async Task Sequential_runs_match_the_model_and_concurrent_runs_keep_the_invariant_and_conserve_stock()
    {
        var grains = (await clusters.For()).Grains;
        var tenant = await TestTenant.Create(grains, ("W1", 1), ("W2", 2));
        var property = Prop.ForAll(Arb.From(Steps()), steps => Check(grains, tenant, steps).GetAwaiter().GetResult());
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    private static Gen<StockStep[]> Steps()
    {
        var warehouse = Gen.Elements(Warehouses);
        var step = Gen.OneOf(
            from w in warehouse from q in Gen.Choose(1, 20) select (StockStep)new ReceiveStep(w, q),
            from w in warehouse from d in Gen.Choose(-10, 10).Where(d => d != 0) select (StockStep)new AdjustStep(w, d),
            from w in warehouse from q in Gen.Choose(1, 10) select (StockStep)new TransferStep(w, w == "W1" ? "W2" : "W1", q),
            from w in warehouse from q in Gen.Choose(1, 8) from e in Gen.Elements(OrderEnd.Keep, OrderEnd.Ship, OrderEnd.Cancel)
            select (StockStep)new OrderStep(w, q, e));
        return Gen.ArrayOf(step).Select(a => a.Take(40).ToArray());
    }

    private static async Task<bool> Check(IGrainFactory grains, string tenant, StockStep[] steps)
    {
        var sequential = await NewSku(grains, tenant);
        var model = new StockModel();
        for (var i = 0; i < steps.Length; i++)
        {
            var expected = model.Apply(steps[i]);
            var actual = await Run(sequential, steps[i], $"s{i}");
            Assert.True(expected == actual, $"step {i} {steps[i]}: model {expected}, grain {actual}");
            AssertEqual(model, (await sequential.Get())!);
        }

        var concurrent = await NewSku(grains, tenant);
        using var stop = new CancellationTokenSource();
        var snapshots = Sample(concurrent, stop.Token);
        var outcomes = await Task.WhenAll(steps.Select((s, i) => Run(concurrent, s, $"c{i}")));
        await stop.CancelAsync();
        foreach (var snapshot in await snapshots)
            Assert.All(snapshot.Levels, l => Assert.InRange(l.Reserved, 0, l.OnHand));
        var observed = new StockModel();
        for (var i = 0; i < steps.Length; i++) observed.ApplyObserved(steps[i], outcomes[i]);
        AssertEqual(observed, (await concurrent.Get())!);
        return true;
    }

    private static async Task<ISkuInventoryGrain> NewSku(IGrainFactory grains, string tenant)
    {
        var code = "P" + Guid.NewGuid().ToString("N")[..12];
        await TestTenant.Sku(grains, tenant, code);
        return grains.Sku(tenant, code);
    }

    /// <summary>Runs one step; returns whether it took effect.</summary>
    private static async Task<bool> Run(ISkuInventoryGrain sku, StockStep step, string id)
    {
        try
        {
            switch (step)
            {
                case ReceiveStep r:
                    await sku.Move(new StockMove(id, StockMoveKind.Receive, r.Warehouse, r.Quantity, null, "入库", "test"));
                    return true;
                case AdjustStep a:
                    await sku.Move(new StockMove(id, StockMoveKind.Adjust, a.Warehouse, a.Delta, null, "盘点", "test"));
                    return true;
                case TransferStep t:
                    await sku.Move(new StockMove(id, StockMoveKind.Transfer, t.From, t.Quantity, t.To, "调拨", "test"));
                    return true;
                case OrderStep o:
                    var reserved = await sku.Reserve(new ReserveRequest($"{id}:r", id, o.Quantity, [o.Warehouse]));
                    if (!reserved.Reserved) return false;
                    if (o.End == OrderEnd.Ship) await sku.Commit(new StockOpRequest($"{id}:c", id, o.Warehouse, o.Quantity));
                    if (o.End == OrderEnd.Cancel) await sku.Release(new StockOpRequest($"{id}:x", id, o.Warehouse, o.Quantity));
                    return true;
            }
        }
        catch (CommandException refused) when (refused.Kind == FailureKind.Conflict)
        {
            return false;
        }
        return false;
    }

    private static async Task<List<SkuSnapshot>> Sample(ISkuInventoryGrain sku, CancellationToken stop)
    {
        var snapshots = new List<SkuSnapshot>();
        while (!stop.IsCancellationRequested)
        {
            snapshots.Add((await sku.Get())!);
            await Task.Yield();
        }
        return snapshots;
    }

    private static void AssertEqual(StockModel model, SkuSnapshot actual)
    {
        foreach (var warehouse in Warehouses)
        {
            var level = actual.Level(warehouse);
            Assert.Equal(model[warehouse], (level.OnHand, level.Reserved));
            Assert.InRange(level.Reserved, 0, level.OnHand);
        }
    }
}
