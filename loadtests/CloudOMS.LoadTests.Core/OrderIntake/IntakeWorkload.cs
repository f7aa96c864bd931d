using System.Collections.Concurrent;
using CloudOMS.LoadTests.Double11;
using CloudOMS.LoadTests.Engine;

namespace CloudOMS.LoadTests.OrderIntake;

/// <summary>
/// One order per request. Spread: 1-3 lines of 1-2 units over all the SKUs, evenly. Hot: every order one line of
/// 1-2 units of the one SKU. Order i has the same lines in every system and run (a seeded random per index).
/// Every answer is remembered, so the run can be checked against what was stored.
/// </summary>
public sealed class IntakeWorkload(IIntakeSystem system, IReadOnlyList<string> skus, int stock, string run)
{
    private readonly ConcurrentDictionary<long, (string OrderId, bool Reserved)> _acknowledged = new();
    private readonly ConcurrentDictionary<long, byte> _unknown = new();
    private long _reserved;

    /// <summary>Orders acknowledged as reserved so far.</summary>
    public long Reserved => Interlocked.Read(ref _reserved);

    public long Acknowledged => _acknowledged.Count;

    private string ClientOrderId(long index) => $"IN{run}{index:D9}";

    public IReadOnlyList<Want> Lines(long index)
    {
        var random = new Random(unchecked((int)(index * 2654435761L)));
        if (skus.Count == 1) return [new Want(skus[0], 1 + random.Next(2))];
        var lines = new List<Want>(3);
        for (var n = 1 + random.Next(3); lines.Count < n;)
        {
            var sku = skus[random.Next(skus.Count)];
            if (lines.All(l => l.Sku != sku)) lines.Add(new Want(sku, 1 + random.Next(2)));
        }
        return lines;
    }

    public async Task<Outcome> Next(long index)
    {
        _unknown[index] = 0;
        var placed = await system.Place(ClientOrderId(index), index, Lines(index));
        _acknowledged[index] = (placed.OrderId, placed.Reserved);
        _unknown.TryRemove(index, out _);
        if (!placed.Reserved) return Outcome.Refusal;
        Interlocked.Increment(ref _reserved);
        return Outcome.Ok;
    }

    /// <summary>
    /// Reads every order the run sent and every SKU's stock, and checks: each acknowledged order is stored with the
    /// outcome it was acknowledged with, each SKU's reserved units equal those of the stored reserved orders, on hand
    /// is untouched, and no SKU has more reserved than on hand.
    /// </summary>
    public async Task<(bool Held, string What)[]> Verify()
    {
        var stored = new ConcurrentDictionary<long, StoredOrder?>();
        var all = _acknowledged.Keys.Concat(_unknown.Keys).Distinct().ToList();
        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (index, _) =>
            stored[index] = await system.Read(ClientOrderId(index), _acknowledged.TryGetValue(index, out var ack) ? ack.OrderId : null, index, Lines(index)));
        var missing = _acknowledged.Count(a => stored[a.Key] is null);
        var wrong = _acknowledged.Count(a => stored[a.Key] is { } s && s.Status != (a.Value.Reserved ? "reserved" : "short"));
        var held = stored.Values.OfType<StoredOrder>().DistinctBy(o => o.OrderId).Where(o => o.Status == "reserved")
            .SelectMany(o => o.Lines).GroupBy(l => l.Sku).ToDictionary(g => g.Key, g => g.Sum(l => (long)l.Quantity));
        var levels = (await system.Levels(skus)).ToDictionary(l => l.Sku);
        long reservedOff = 0, onHandOff = 0, oversold = 0;
        string? example = null;
        foreach (var sku in skus)
        {
            var level = levels.GetValueOrDefault(sku) ?? new StoredLevel(sku, 0, 0);
            var units = held.GetValueOrDefault(sku);
            if (level.Reserved != units && reservedOff++ == 0) example = $"{sku}: stored reserved {level.Reserved}, reserved orders hold {units}";
            if (level.OnHand != stock && onHandOff++ == 0) example ??= $"{sku}: stored on hand {level.OnHand}, received {stock}";
            if (level.Reserved > level.OnHand || level.Reserved < 0) oversold++;
        }
        return
        [
            (missing == 0, $"acknowledged orders found: {_acknowledged.Count - missing:N0} of {_acknowledged.Count:N0}"),
            (wrong == 0, $"acknowledged orders stored with the outcome they were acknowledged with: {_acknowledged.Count - missing - wrong:N0} of {_acknowledged.Count - missing:N0}"),
            (oversold == 0, $"no SKU oversold (0 ≤ reserved ≤ on hand) in {skus.Count - oversold:N0} of {skus.Count:N0} SKUs"),
            (reservedOff == 0, $"stored reserved = units of the stored reserved orders in {skus.Count - reservedOff:N0} of {skus.Count:N0} SKUs"),
            (onHandOff == 0, $"on hand as received in {skus.Count - onHandOff:N0} of {skus.Count:N0} SKUs"),
            (true, $"requests with unknown outcome (an error), read back: {_unknown.Count:N0}"),
            (example is null, example ?? "no mismatch"),
        ];
    }
}
