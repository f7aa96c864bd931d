namespace CloudOMS.Grains;

public sealed record AllocationPlan(string? Warehouse, IReadOnlyList<Shortage> Shortages);

/// <summary>
/// Chooses one warehouse for the whole order: among active warehouses that can fill every line,
/// the one with the best priority (1 is served first, ties by code). When none can, reports the
/// lines short in the warehouse that comes closest.
/// </summary>
public static class Allocation
{
    public static AllocationPlan Choose(
        IReadOnlyDictionary<string, int> needBySku,
        IEnumerable<WarehouseRef> warehouses,
        IReadOnlyDictionary<string, SkuSnapshot> stock,
        IReadOnlyCollection<string> exclude)
    {
        var candidates = warehouses
            .Where(w => w.Active && !exclude.Contains(w.Code))
            .OrderBy(w => w.Priority).ThenBy(w => w.Code, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
            return new AllocationPlan(null, [.. needBySku.Select(n => new Shortage(n.Key, n.Value, 0))]);

        List<Shortage>? closest = null;
        foreach (var warehouse in candidates)
        {
            var shortages = needBySku
                .Select(n => new Shortage(n.Key, n.Value, stock.TryGetValue(n.Key, out var s) ? s.Level(warehouse.Code).Available : 0))
                .Where(s => s.Available < s.Needed)
                .ToList();
            if (shortages.Count == 0) return new AllocationPlan(warehouse.Code, []);
            if (closest is null || shortages.Count < closest.Count) closest = shortages;
        }
        return new AllocationPlan(null, closest!);
    }
}
