namespace CloudOMS.Grains.Tests.Failover;

/// <summary>
/// The tenant of the failover test: one warehouse and SKUs with limited stock. Half of them have so little
/// that the burst sells them out, so an oversell after the failover would show.
/// </summary>
public sealed class FailoverShop(string tenantId)
{
    public const string Warehouse = "WH1";

    public static readonly (string Code, int Stock)[] Skus =
        [("F0", 20), ("F1", 20), ("F2", 20), ("F3", 20), ("F4", 150), ("F5", 150), ("F6", 150), ("F7", 150)];

    public string TenantId => tenantId;

    /// <summary>The SKU levels the checks read back at the end, for the test's figures.</summary>
    public Dictionary<string, StockLevelInfo> FinalLevels { get; } = [];

    public static int StockOf(string code) => Skus.Single(s => s.Code == code).Stock;

    public static async Task<FailoverShop> Create(IGrainFactory grains)
    {
        var tenantId = await TestTenant.Create(grains, (Warehouse, 1));
        foreach (var (code, stock) in Skus) await TestTenant.Sku(grains, tenantId, code, (Warehouse, stock));
        return new FailoverShop(tenantId);
    }

    /// <summary>A fixed mix: every third request a reservation of 1-3 units, the others orders of 1-2 lines.</summary>
    public static List<BurstRequest> Plan(int count)
    {
        var random = new Random(20_260_611);
        return [.. Enumerable.Range(0, count).Select(i => i % 3 == 0
            ? new BurstRequest(BurstKind.Reservation, $"R-{i:D4}", [(Skus[random.Next(Skus.Length)].Code, random.Next(1, 4))])
            : new BurstRequest(BurstKind.Order, $"SO-{i:D4}",
                [.. Skus.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(s => (s.Code, random.Next(1, 4)))]))];
    }
}
