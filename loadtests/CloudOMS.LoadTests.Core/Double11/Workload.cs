using System.Collections.Concurrent;
using CloudOMS.LoadTests.Engine;

namespace CloudOMS.LoadTests.Double11;

/// <summary>
/// The double-11 mix over any <see cref="IOrderDesk"/>: 60 % new orders (create + review, 1-3 lines, SKU popularity
/// Zipf-distributed), 15 % shipments of reserved orders, 15 % order lists, 5 % dashboards, 5 % order reads.
/// It remembers every answer so the run can be checked: each acknowledged order exists in the state it was
/// acknowledged in, and every SKU's stored stock equals what the stored orders hold.
/// </summary>
public sealed class Workload(IOrderDesk desk, Catalogue catalogue, Func<long, int> tenantOf)
{
    private readonly double[] _zipf = ZipfCdf(catalogue.Skus.Count, 1.1);
    private readonly ConcurrentQueue<(int Tenant, string OrderId)>[] _toShip = [.. Enumerable.Range(0, catalogue.Tenants).Select(_ => new ConcurrentQueue<(int, string)>())];
    private readonly ConcurrentDictionary<(int Tenant, string OrderId), string> _acknowledged = new();
    private readonly ConcurrentDictionary<(int Tenant, string OrderId), byte> _unknown = new();
    private readonly Recent?[] _recent = new Recent?[1024];
    private readonly ConcurrentDictionary<int, byte> _tenants = new();
    private long _orders, _shipped;

    public long Orders => Interlocked.Read(ref _orders);

    /// <summary>The first mismatch the check found, for the report.</summary>
    public string? Example { get; private set; }
    public long Shipped => Interlocked.Read(ref _shipped);

    public async Task<Outcome> Next(long index)
    {
        var tenant = tenantOf(index);
        _tenants.TryAdd(tenant, 0);
        var roll = (int)(Mix(index) % 100);
        if (roll < 60) return await Order(tenant, index);
        if (roll < 75 && _toShip[tenant].TryDequeue(out var ready)) return await ShipOne(ready.Tenant, ready.OrderId);
        if (roll < 90) { await desk.List(tenant); return Outcome.Ok; }
        if (roll < 95) { await desk.Dashboard(tenant); return Outcome.Ok; }
        if (Volatile.Read(ref _recent[index & 1023]) is not { } recent) { await desk.List(tenant); return Outcome.Ok; }
        await desk.Read(recent.Tenant, recent.OrderId);
        return Outcome.Ok;
    }

    private async Task<Outcome> Order(int tenant, long index)
    {
        var random = new Random((int)Mix(index));
        var lines = new List<Want>();
        for (var n = 1 + random.Next(3); lines.Count < n;)
        {
            var sku = catalogue.Skus[Pick(random.NextDouble())];
            if (lines.All(l => l.Sku != sku)) lines.Add(new Want(sku, 1 + random.Next(2)));
            else n--;
        }
        // Ids the desk learns before the order is acknowledged: if the call fails, they are read back afterwards.
        var known = new List<string>(2);
        var placed = await desk.PlaceAndReserve(tenant, index, lines, id => { lock (known) known.Add(id); _unknown[(tenant, id)] = 0; });
        lock (known) foreach (var id in known) _unknown.TryRemove((tenant, id), out _);
        _acknowledged[(tenant, placed.OrderId)] = placed.Reserved ? "Approved" : "PendingReview";
        Volatile.Write(ref _recent[index & 1023], new Recent(tenant, placed.OrderId));
        Interlocked.Increment(ref _orders);
        if (placed.Reserved) _toShip[tenant].Enqueue((tenant, placed.OrderId));
        return placed.Reserved ? Outcome.Ok : Outcome.Refusal;
    }

    private async Task<Outcome> ShipOne(int tenant, string orderId)
    {
        try
        {
            await desk.Ship(tenant, orderId);
            _acknowledged[(tenant, orderId)] = "Shipped";
            Interlocked.Increment(ref _shipped);
            return Outcome.Ok;
        }
        catch
        {
            // Outcome unknown: the order is checked for either state afterwards.
            _acknowledged.TryRemove((tenant, orderId), out _);
            _unknown[(tenant, orderId)] = 0;
            throw;
        }
    }

    /// <summary>
    /// Reads every order the run touched and every SKU's stock, and checks: acknowledged orders exist in their
    /// acknowledged state (or a later one), and for each tenant and SKU, reserved = the units of its reserved orders
    /// and on hand = the starting stock less the units of its shipped orders.
    /// </summary>
    public async Task<(bool Held, string What)[]> Verify()
    {
        var orders = new ConcurrentDictionary<(int Tenant, string OrderId), StoredOrder?>();
        var all = _acknowledged.Keys.Concat(_unknown.Keys).Distinct().ToList();
        await Parallel.ForEachAsync(_unknown.Keys, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (key, _) =>
            await desk.Settle(key.Tenant, key.OrderId));
        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (key, _) =>
            orders[key] = await desk.Read(key.Tenant, key.OrderId));
        var missing = _acknowledged.Count(a => orders[a.Key] is null);
        var wrongState = _acknowledged.Count(a => orders[a.Key] is { } s && !Reached(a.Value, s.Status));
        // An order reached by two ids (its channel number and its own) counts once.
        var distinct = orders.Where(o => o.Value is not null).Select(o => (o.Key.Tenant, Stored: o.Value!)).DistinctBy(o => (o.Tenant, o.Stored.OrderId)).ToList();
        long reservedOff = 0, onHandOff = 0, oversold = 0;
        // Only this workload's tenants: another workload may be running beside it on the same silo (noisy-neighbour).
        foreach (var tenant in _tenants.Keys.Order())
        {
            var levels = (await desk.Stock(tenant)).ToDictionary(l => l.Sku);
            var mine = distinct.Where(o => o.Tenant == tenant).Select(o => o.Stored).ToList();
            var held = Units(mine, "Approved", "Picking");
            var gone = Units(mine, "Shipped", "Delivered", "Completed");
            foreach (var sku in catalogue.Skus)
            {
                var reserved = held.GetValueOrDefault(sku);
                var onHand = catalogue.Stock - gone.GetValueOrDefault(sku);
                var level = levels.GetValueOrDefault(sku) ?? new StoredLevel(sku, 0, 0);
                if (level.Reserved != reserved && reservedOff++ == 0) Example ??= $"tenant {tenant} {sku}: stored reserved {level.Reserved}, orders hold {reserved}";
                if (level.OnHand != onHand && onHandOff++ == 0) Example ??= $"tenant {tenant} {sku}: stored on hand {level.OnHand}, expected {onHand}";
                if (level.Reserved > level.OnHand || level.OnHand < 0) oversold++;
            }
        }
        var pairs = _tenants.Count * catalogue.Skus.Count;
        return
        [
            (missing == 0, $"acknowledged orders found: {_acknowledged.Count - missing:N0} of {_acknowledged.Count:N0}"),
            (wrongState == 0, $"acknowledged orders in their acknowledged state or later: {_acknowledged.Count - missing - wrongState:N0} of {_acknowledged.Count - missing:N0}"),
            (oversold == 0, $"no SKU oversold (0 ≤ reserved ≤ on hand) in {pairs - oversold:N0} of {pairs:N0} tenant-SKU pairs"),
            (reservedOff == 0, $"stored reserved = units of the reserved orders in {pairs - reservedOff:N0} of {pairs:N0} pairs"),
            (onHandOff == 0, $"stored on hand = start − units of the shipped orders in {pairs - onHandOff:N0} of {pairs:N0} pairs"),
            (true, $"calls with unknown outcome, settled (saga finished) and read back: {_unknown.Count:N0}"),
            (Example is null, Example ?? "no mismatch"),
        ];
    }

    /// <summary>Units per SKU of the orders in one of <paramref name="statuses"/>.</summary>
    private static Dictionary<string, long> Units(IEnumerable<StoredOrder> orders, params string[] statuses) =>
        orders.Where(o => statuses.Contains(o.Status)).SelectMany(o => o.Lines)
            .GroupBy(l => l.Sku).ToDictionary(g => g.Key, g => g.Sum(l => (long)l.Quantity));

    private static bool Reached(string acknowledged, string stored) => acknowledged switch
    {
        "Approved" => stored is "Approved" or "Picking" or "Shipped" or "Delivered" or "Completed",
        "Shipped" => stored is "Shipped" or "Delivered" or "Completed",
        _ => true,
    };

    private int Pick(double u)
    {
        var i = Array.BinarySearch(_zipf, u);
        return Math.Min(i < 0 ? ~i : i, _zipf.Length - 1);
    }

    private static double[] ZipfCdf(int n, double s)
    {
        var weights = Enumerable.Range(1, n).Select(k => 1 / Math.Pow(k, s)).ToArray();
        var total = weights.Sum();
        var cdf = new double[n];
        double running = 0;
        for (var k = 0; k < n; k++) cdf[k] = running += weights[k] / total;
        return cdf;
    }

    /// <summary>A well-mixed number from the request index (SplitMix64), so the mix is the same in every run.</summary>
    private static ulong Mix(long index)
    {
        var z = (ulong)index + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private sealed record Recent(int Tenant, string OrderId);
}
