using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace CloudOMS.LoadTests.PortalPages;

/// <summary>
/// Fills a tenant with orders through the public API, as channels and clerks would: every order is created
/// (stock reserved), and by a fixed mix some stay pending, some are approved, most are picked and shipped and
/// a few are cancelled. Customers repeat (a pool of phone numbers) so the repeat-purchase rate means something.
/// </summary>
public sealed class OrderGenerator(ApiSession api, string warehouse)
{
    public sealed record Outcome(int Created, int Shipped, int Failed, IReadOnlyDictionary<string, int> Errors, TimeSpan Elapsed);

    private sealed record Sku(string Code, decimal Price);

    public async Task<Outcome> Run(int count, int concurrency, CancellationToken cancellationToken)
    {
        var skus = await Catalogue(cancellationToken);
        var catalogues = await api.Get("api/catalogues", cancellationToken);
        var carrier = catalogues.GetProperty("carriers")[0].GetProperty("code").GetString()!;
        var channels = catalogues.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToArray();
        foreach (var sku in skus)
            await api.Post("api/stock/receive", new { skuCode = sku.Code, warehouse, quantity = 1_000_000, reason = "压测备货", operationId = $"load-{sku.Code}-{Guid.NewGuid():N}" }, cancellationToken);

        var errors = new ConcurrentDictionary<string, int>();
        int created = 0, shipped = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.WriteLine($"  generated {Volatile.Read(ref created):N0}/{count:N0} orders, {Volatile.Read(ref shipped):N0} shipped, {Volatile.Read(ref failed):N0} failed, {clock.Elapsed.TotalSeconds:0}s"),
            null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, token) =>
        {
            try
            {
                var random = new Random(i);
                var order = await api.Post("api/orders", Order(i, random, skus, channels), token);
                Interlocked.Increment(ref created);
                var id = order.GetProperty("orderId").GetString()!;
                switch (i % 10)
                {
                    case 0 or 1: return;
                    case 9:
                        await api.Post($"api/orders/{id}/cancel", new { reason = "客户取消" }, token);
                        return;
                    case 2:
                        await api.Post($"api/orders/{id}/approve", new { }, token);
                        return;
                }
                await api.Post($"api/orders/{id}/approve", new { }, token);
                await api.Post($"api/orders/{id}/pick", new { }, token);
                await api.Post($"api/orders/{id}/ship", new { carrier, trackingNo = $"LT{i:D10}" }, token);
                Interlocked.Increment(ref shipped);
            }
            catch (Exception error) when (error is ApiRefusal or HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
                errors.AddOrUpdate(error is ApiRefusal refusal ? $"HTTP {refusal.Status}" : error.GetType().Name, 1, (_, n) => n + 1);
            }
        });
        return new Outcome(created, shipped, failed, errors, clock.Elapsed);
    }

    private async Task<List<Sku>> Catalogue(CancellationToken cancellationToken)
    {
        var page = await api.Get("api/skus?pageSize=200", cancellationToken);
        return [.. page.GetProperty("items").EnumerateArray().Select(s => new Sku(s.GetProperty("code").GetString()!, s.GetProperty("price").GetDecimal()))];
    }

    private static readonly string[] Cities = ["临沂市", "济南市", "青岛市", "潍坊市", "日照市", "枣庄市"];

    private static object Order(int i, Random random, IReadOnlyList<Sku> skus, string[] channels)
    {
        var lines = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => skus[random.Next(skus.Count)]).DistinctBy(s => s.Code)
            .Select(s => new { skuCode = s.Code, quantity = 1 + random.Next(3), unitPrice = s.Price, discount = 0m }).ToList();
        var customer = random.Next(20_000);
        return new
        {
            channel = channels[i % channels.Length],
            externalOrderNo = (string?)null,
            customer = new { name = $"客户{customer:D5}", phone = $"139{customer:D8}", province = "山东省", city = Cities[customer % Cities.Length], address = $"兰山区通达路 {customer % 500 + 1} 号" },
            lines,
            shippingFee = i % 3 == 0 ? 0m : 8m,
        };
    }
}
