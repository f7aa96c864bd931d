using System.Collections.Concurrent;
using CloudOMS.Grains;
using CloudOMS.LoadTests.Engine;
using CloudOMS.LoadTests.Targets;

namespace CloudOMS.LoadTests.FlashSale;

/// <summary>
/// CloudOMS's own path: the real <see cref="ISkuInventoryGrain"/> (reentrant, group commit, durable before it
/// answers, every operation recorded by id until acknowledged). Like the order grain, the buyer side
/// acknowledges each answered operation afterwards, in batches, so the grain keeps only what is in flight.
/// </summary>
public sealed class CloudOmsReservations(InProcSilo silo) : IReservationSystem
{
    private const string Tenant = "load-flash", Sku = "HOT-1", Warehouse = "WH-FLASH";
    private static readonly string[] Warehouses = [Warehouse];
    private readonly ConcurrentQueue<string> _answered = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _acknowledger;
    private ISkuInventoryGrain _grain = null!;

    public string Name => $"CloudOMS ({silo.Database})";

    public async Task Prepare(int stock)
    {
        _grain = silo.Grains.GetGrain<ISkuInventoryGrain>(GrainKeys.Sku(Tenant, Sku));
        await _grain.Define(new SkuProfile(Sku, "秒杀爆款", null, "件", 99m, 0.5m, 0), isNew: true);
        // One receipt takes at most a million units.
        for (var left = stock; left > 0; left -= 1_000_000)
            await _grain.Move(new StockMove($"stock-{Guid.NewGuid():N}", StockMoveKind.Receive, Warehouse, Math.Min(left, 1_000_000), null, "秒杀备货", "load"));
        _acknowledger = Acknowledge(_stop.Token);
    }

    public async Task<Outcome> Reserve(long index)
    {
        var operation = $"r{index}";
        var result = await _grain.Reserve(new ReserveRequest(operation, $"o{index}", 1, Warehouses));
        _answered.Enqueue(operation);
        return result.Reserved ? Outcome.Ok : Outcome.Refusal;
    }

    public async Task<IReadOnlyList<long>> Settle(IReadOnlyList<long> unknown)
    {
        var held = new List<long>();
        foreach (var index in unknown)
            if ((await _grain.Reserve(new ReserveRequest($"r{index}", $"o{index}", 1, Warehouses))).Reserved) held.Add(index);
        await _grain.Acknowledge([.. unknown.Select(i => $"r{i}")]);
        return held;
    }

    public async Task<StoredStock> ReadStored(IReadOnlyList<long> granted)
    {
        await _stop.CancelAsync();
        if (_acknowledger is not null) await _acknowledger;
        await silo.Restart();
        _grain = silo.Grains.GetGrain<ISkuInventoryGrain>(GrainKeys.Sku(Tenant, Sku));
        var level = (await _grain.Get())!.Levels.Single(l => l.Warehouse == Warehouse);
        // The grain keeps no per-order history (in the product the order grains do), so only the totals are checked.
        return new StoredStock(level.Reserved, level.OnHand, null, null);
    }

    private async Task Acknowledge(CancellationToken stop)
    {
        var batch = new List<string>(8192);
        while (true)
        {
            while (batch.Count < 8192 && _answered.TryDequeue(out var id)) batch.Add(id);
            if (batch.Count > 0)
            {
                await _grain.Acknowledge([.. batch]);
                batch.Clear();
            }
            else if (stop.IsCancellationRequested) return;
            else await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>Stops the silo too, so the baselines measured next have the machine to themselves.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        await silo.DisposeAsync();
    }
}
