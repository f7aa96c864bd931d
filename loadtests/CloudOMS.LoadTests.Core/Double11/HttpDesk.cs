using System.Collections.Concurrent;
using System.Text.Json;
using CloudOMS.LoadTests.PortalPages;
using CloudOMS.LoadTests.Targets;

namespace CloudOMS.LoadTests.Double11;

/// <summary>
/// CloudOMS through its public API, one tenant per signed-in API client. Orders arrive as channel orders (their
/// external order no. makes a repeat return the same order), are reviewed, picked and shipped.
/// </summary>
public sealed class HttpDesk(IReadOnlyList<HttpTarget> targets) : IOrderDesk
{
    private const string Warehouse = "LY-MAIN";
    private static readonly string[] Channels = ["taobao", "jd", "pdd", "douyin", "wechat"];
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private readonly ConcurrentDictionary<string, object> _bodies = new();

    public string Name => "CloudOMS over HTTP";

    /// <summary>The product process the run started itself, if any (for its memory).</summary>
    public PortalProcess? Portal => targets[0].Portal;

    private ApiSession Api(int tenant) => targets[tenant].Api;

    private IReadOnlyList<string> _skus = [];

    public async Task Prepare(Catalogue catalogue)
    {
        _skus = catalogue.Skus;
        for (var tenant = 0; tenant < catalogue.Tenants; tenant++)
            foreach (var sku in catalogue.Skus)
            {
                await Api(tenant).Post("api/skus", new { code = sku, name = $"双十一商品 {sku}", unit = "件", price = 59m, weightKg = 0.3m, safetyStock = 0 }, CancellationToken.None);
                await Api(tenant).Post("api/stock/receive", new { skuCode = sku, warehouse = Warehouse, quantity = catalogue.Stock, reason = "大促备货", operationId = $"d11-{_run}-{sku}" }, CancellationToken.None);
            }
    }

    public async Task<Placed> PlaceAndReserve(int tenant, long index, IReadOnlyList<Want> lines, Action<string> idKnown)
    {
        var external = $"ext:{tenant}:{_run}{index:D9}";
        var body = Body($"D11{_run}{index:D9}", index, lines);
        _bodies[external] = body;
        idKnown(external);
        var order = await Api(tenant).Post("api/orders", body, CancellationToken.None);
        var orderId = order.GetProperty("orderId").GetString()!;
        idKnown(orderId);
        _bodies.TryRemove(external, out _);
        try
        {
            await Api(tenant).Post($"api/orders/{orderId}/approve", new { }, CancellationToken.None);
            return new Placed(orderId, true);
        }
        catch (ApiRefusal refusal) when (refusal.Status == 409)
        {
            return new Placed(orderId, false);
        }
    }

    public async Task Ship(int tenant, string orderId)
    {
        await Api(tenant).Post($"api/orders/{orderId}/pick", new { }, CancellationToken.None);
        await Api(tenant).Post($"api/orders/{orderId}/ship", new { carrier = "SF", trackingNo = $"SF{orderId[2..]}" }, CancellationToken.None);
    }

    public Task List(int tenant) => Api(tenant).Get("api/orders?pageSize=20", CancellationToken.None);

    public Task Dashboard(int tenant) => Api(tenant).Get("api/reports/dashboard?days=7", CancellationToken.None);

    public async Task<StoredOrder?> Read(int tenant, string orderId)
    {
        JsonElement order;
        if (orderId.StartsWith("ext:", StringComparison.Ordinal))
        {
            // Created, and its own id is being read as well.
            if (!_bodies.TryGetValue(orderId, out var body)) return null;
            // Sent again as its channel would: the same external order no. returns the order if it was created.
            order = await Api(tenant).Post("api/orders", body, CancellationToken.None);
        }
        else
            try
            {
                order = await Api(tenant).Get($"api/orders/{orderId}", CancellationToken.None);
            }
            catch (ApiRefusal refusal) when (refusal.Status == 404)
            {
                return null;
            }
        return new StoredOrder(order.GetProperty("orderId").GetString()!, order.GetProperty("status").GetString()!,
            [.. order.GetProperty("lines").EnumerateArray().Select(l => new Want(l.GetProperty("skuCode").GetString()!, l.GetProperty("quantity").GetInt32()))]);
    }

    public async Task<IReadOnlyList<StoredLevel>> Stock(int tenant)
    {
        var levels = new List<StoredLevel>();
        foreach (var sku in _skus)
        {
            var perWarehouse = await Api(tenant).Get($"api/stock/{sku}", CancellationToken.None);
            levels.Add(new StoredLevel(sku, perWarehouse.EnumerateArray().Sum(l => l.GetProperty("onHand").GetInt64()),
                perWarehouse.EnumerateArray().Sum(l => l.GetProperty("reserved").GetInt64())));
        }
        return levels;
    }

    private static object Body(string externalOrderNo, long index, IReadOnlyList<Want> lines)
    {
        var customer = index % 50_000;
        return new
        {
            channel = Channels[index % Channels.Length],
            externalOrderNo,
            customer = new { name = $"客户{customer:D5}", phone = $"139{customer:D8}", province = "山东省", city = "临沂市", address = $"兰山区通达路 {customer % 500 + 1} 号" },
            lines = lines.Select(l => new { skuCode = l.Sku, quantity = l.Quantity, unitPrice = 59m, discount = 0m }),
            shippingFee = 0m,
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var target in targets) await target.DisposeAsync();
    }
}
