using System.Net.Http.Json;
using CloudOMS.LoadTests.Double11;
using CloudOMS.LoadTests.PortalPages;
using CloudOMS.LoadTests.Targets;

namespace CloudOMS.LoadTests.OrderIntake;

/// <summary>
/// CloudOMS over HTTP with the company's 自动审核 on: <c>POST /api/orders</c> creates the order and reserves its stock
/// in one request; the answer's <c>review.outcome</c> says reserved or refused. The client order id is the channel's
/// external order no., so a resend returns the same order.
/// </summary>
public sealed class CloudOmsIntake(HttpTarget target) : IIntakeSystem
{
    private const string Warehouse = "LY-MAIN";
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    public string Name => "CloudOMS over HTTP";

    private ApiSession Api => target.Api;

    /// <summary>Switches 自动审核 on for the API client's company (the answer must say so).</summary>
    public async Task AutoApprove()
    {
        using var response = await Api.Http.PutAsJsonAsync("api/tenant/order-review", new { autoApprove = true });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !text.Contains("\"autoApprove\":true", StringComparison.Ordinal))
            throw new InvalidOperationException($"自动审核 could not be switched on ({(int)response.StatusCode}): {text}");
    }

    public async Task Stock(IReadOnlyList<string> skus, int units) =>
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (sku, _) =>
        {
            await Api.Post("api/skus", new { code = sku, name = $"商品 {sku}", unit = "件", price = 59m, weightKg = 0.3m, safetyStock = 0 }, CancellationToken.None);
            await Api.Post("api/stock/receive", new { skuCode = sku, warehouse = Warehouse, quantity = units, reason = "备货", operationId = $"intake-{_run}-{sku}" }, CancellationToken.None);
        });

    public async Task<Placed> Place(string clientOrderId, long index, IReadOnlyList<Want> lines)
    {
        var order = await Api.Post("api/orders", Body(clientOrderId, index, lines), CancellationToken.None);
        var outcome = order.GetProperty("review").GetProperty("outcome").GetString();
        return outcome switch
        {
            "reserved" => new Placed(order.GetProperty("orderId").GetString()!, true),
            "refused" => new Placed(order.GetProperty("orderId").GetString()!, false),
            _ => throw new InvalidOperationException($"review outcome '{outcome}': 自动审核 is not on"),
        };
    }

    public async Task<StoredOrder?> Read(string clientOrderId, string? orderId, long index, IReadOnlyList<Want> lines)
    {
        System.Text.Json.JsonElement order;
        if (orderId is null)
            // Outcome unknown: sent again as its channel would, which returns the order if it was created.
            order = await Api.Post("api/orders", Body(clientOrderId, index, lines), CancellationToken.None);
        else
            try
            {
                order = await Api.Get($"api/orders/{orderId}", CancellationToken.None);
            }
            catch (ApiRefusal refusal) when (refusal.Status == 404)
            {
                return null;
            }
        var status = order.GetProperty("status").GetString()!;
        return new StoredOrder(order.GetProperty("orderId").GetString()!, status switch { "Approved" => "reserved", "PendingReview" => "short", _ => status },
            [.. order.GetProperty("lines").EnumerateArray().Select(l => new Want(l.GetProperty("skuCode").GetString()!, l.GetProperty("quantity").GetInt32()))]);
    }

    public async Task<IReadOnlyList<StoredLevel>> Levels(IReadOnlyList<string> skus)
    {
        var levels = new System.Collections.Concurrent.ConcurrentBag<StoredLevel>();
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (sku, _) =>
        {
            var perWarehouse = await Api.Get($"api/stock/{sku}", CancellationToken.None);
            levels.Add(new StoredLevel(sku, perWarehouse.EnumerateArray().Sum(l => l.GetProperty("onHand").GetInt64()),
                perWarehouse.EnumerateArray().Sum(l => l.GetProperty("reserved").GetInt64())));
        });
        return [.. levels];
    }

    public double ServerMemoryMb() => target.Portal?.ResidentMb() ?? 0;

    private static object Body(string clientOrderId, long index, IReadOnlyList<Want> lines)
    {
        var customer = index % 50_000;
        return new
        {
            channel = "taobao",
            externalOrderNo = clientOrderId,
            customer = new { name = $"客户{customer:D5}", phone = $"139{customer:D8}", province = "山东省", city = "临沂市", address = $"兰山区通达路 {customer % 500 + 1} 号" },
            lines = lines.Select(l => new { skuCode = l.Sku, quantity = l.Quantity, unitPrice = 59m, discount = 0m }),
            shippingFee = 0m,
        };
    }

    public ValueTask DisposeAsync() => target.DisposeAsync();
}
