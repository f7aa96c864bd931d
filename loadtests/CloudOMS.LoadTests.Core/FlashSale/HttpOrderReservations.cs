using CloudOMS.LoadTests.Engine;
using CloudOMS.LoadTests.PortalPages;
using CloudOMS.LoadTests.Targets;

namespace CloudOMS.LoadTests.FlashSale;

/// <summary>
/// A flash sale through the public API, as a live-stream shop's order feed sends it: per buyer one Douyin order
/// for the hot SKU (its external order no. makes a repeat safe) and its review, which reserves the unit
/// (200) or answers 409 when it is sold out. Buyers whose call failed are settled by sending the same order again.
/// </summary>
public sealed class HttpOrderReservations(HttpTarget target) : IReservationSystem
{
    private const string Warehouse = "LY-MAIN";
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> _granted = new();
    private string Sku => $"FLASH-{_run}";
    private ApiSession Api => target.Api;

    public string Name => "CloudOMS over HTTP (order + review)";

    public async Task Prepare(int stock)
    {
        await Api.Post("api/skus", new { code = Sku, name = "直播秒杀爆款", unit = "件", price = 99m, weightKg = 0.5m, safetyStock = 0 }, CancellationToken.None);
        for (var left = stock; left > 0; left -= 1_000_000)
            await Api.Post("api/stock/receive", new { skuCode = Sku, warehouse = Warehouse, quantity = Math.Min(left, 1_000_000), reason = "秒杀备货", operationId = $"flash-{_run}-{left}" }, CancellationToken.None);
    }

    public async Task<Outcome> Reserve(long index)
    {
        var order = await Api.Post("api/orders", Order(index), CancellationToken.None);
        var orderId = order.GetProperty("orderId").GetString()!;
        var outcome = await Review(orderId);
        if (!outcome.Refused) _granted[index] = orderId;
        return outcome;
    }

    public async Task<IReadOnlyList<long>> Settle(IReadOnlyList<long> unknown)
    {
        var held = new List<long>();
        foreach (var index in unknown)
        {
            var order = await Api.Post("api/orders", Order(index), CancellationToken.None);
            var status = order.GetProperty("status").GetString();
            if (status == "Approved" || (status == "PendingReview" && !(await Review(order.GetProperty("orderId").GetString()!)).Refused))
                held.Add(index);
        }
        return held;
    }

    public async Task<StoredStock> ReadStored(IReadOnlyList<long> granted)
    {
        var levels = await Api.Get($"api/stock/{Sku}", CancellationToken.None);
        var level = levels.EnumerateArray().Single(l => l.GetProperty("warehouse").GetString() == Warehouse);
        var found = 0;
        await Parallel.ForEachAsync(granted, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (index, token) =>
        {
            if (!_granted.TryGetValue(index, out var orderId)) return;
            var order = await Api.Get($"api/orders/{orderId}", token);
            if (order.GetProperty("status").GetString() == "Approved") Interlocked.Increment(ref found);
        });
        return new StoredStock(level.GetProperty("reserved").GetInt32(), level.GetProperty("onHand").GetInt32(), null, found);
    }

    private async Task<Outcome> Review(string orderId)
    {
        try
        {
            await Api.Post($"api/orders/{orderId}/approve", new { }, CancellationToken.None);
            return Outcome.Ok;
        }
        catch (ApiRefusal refusal) when (refusal.Status == 409)
        {
            return Outcome.Refusal;
        }
    }

    private object Order(long index) => new
    {
        channel = "douyin",
        externalOrderNo = $"DY{_run}{index:D9}",
        customer = new { name = $"买家{index % 100_000:D5}", phone = $"138{index % 100_000_000:D8}", province = "山东省", city = "临沂市", address = $"兰山区直播基地 {index % 800 + 1} 号" },
        lines = new[] { new { skuCode = Sku, quantity = 1, unitPrice = 99m, discount = 0m } },
        shippingFee = 0m,
    };

    public ValueTask DisposeAsync() => target.DisposeAsync();
}
